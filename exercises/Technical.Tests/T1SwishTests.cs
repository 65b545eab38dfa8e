namespace Course.Technical.Tests;

public class T1SwishTests
{
    [Fact]
    [Trait("Exercise", "T1.swish")]
    public void Swish_at_one_is_sigma_of_one()
    {
        var y = new SwishLayer().Forward(Tensor.From([1.0, 0.0], 2));
        TensorAssert.Close(y, Tensor.From([1.0 / (1.0 + Math.Exp(-1)), 0.0], 2), 1e-15, "x·σ(x)");
    }
}
