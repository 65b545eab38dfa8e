namespace Course.Technical.Tests;

public class T4MhsaTests
{
    [Fact]
    [Trait("Exercise", "T4.mhsa")]
    public void Multi_head_self_attention_keeps_the_shape()
    {
        var rng = new Rng(2);
        var attention = new MultiHeadSelfAttention(4, 2, causal: true, rng);
        attention.Forward(rng.Normal(1.0, 2, 3, 4)).Shape.ToArray().Should().Equal([2, 3, 4]);
    }
}
