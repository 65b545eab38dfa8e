namespace Course.Day07.Tests;

public class AttentionTests
{
    [Fact]
    [Trait("Exercise", "7.5")]
    public void Scores_2_1_0_give_the_weights_of_the_lesson()
    {
        var keys = Tensor.From([2.0, 1.0, 0.0], 1, 3, 1);

        var (context, weights) = new DotAttention().Forward(Tensor.From([1.0], 1, 1), keys);

        weights[0, 0].Should().BeApproximately(0.6652, 5e-5, "softmax(2, 1, 0) (lesson §7.5)");
        weights[0, 1].Should().BeApproximately(0.2447, 5e-5);
        weights[0, 2].Should().BeApproximately(0.0900, 5e-5);
        context[0, 0].Should().BeApproximately(2 * weights[0, 0] + weights[0, 1], 1e-12, "context = Σ weights ⊙ values");
    }

    [Fact]
    [Trait("Exercise", "7.5")]
    public void Self_attention_passes_a_gradient_check()
    {
        var rng = new Rng(5);
        var layer = new ScaledDotProductSelfAttention(4, 3, rng, causal: false);

        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 2, 3, 4), rng.Fork("check"), tolerance: 1e-6);
    }
}
