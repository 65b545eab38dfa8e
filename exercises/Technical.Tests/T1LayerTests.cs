namespace Course.Technical.Tests;

public class T1LayerTests
{
    private static readonly Tensor X = Tensor.From([-2.0, -0.5, 1.5], 3);

    [Fact]
    [Trait("Exercise", "T1.leaky-relu")]
    public void LeakyRelu_with_slope_0_1_scales_the_negative_side()
    {
        var y = new LeakyReluLayer(0.1).Forward(X);
        TensorAssert.Close(y, Tensor.From([-0.2, -0.05, 1.5], 3), 1e-15, "slope·x for x ≤ 0, x for x > 0");
    }

    [Fact]
    [Trait("Exercise", "T1.elu")]
    public void Elu_at_minus_one_is_alpha_times_e_to_the_minus_one_minus_one()
    {
        var y = new EluLayer(1.0).Forward(Tensor.From([-1.0, 2.0], 2));
        TensorAssert.Close(y, Tensor.From([Math.Exp(-1) - 1, 2.0], 2), 1e-15, "α(eˣ − 1) for x ≤ 0");
    }

    [Fact]
    [Trait("Exercise", "T1.swish")]
    public void Swish_at_one_is_sigma_of_one()
    {
        var y = new SwishLayer().Forward(Tensor.From([1.0, 0.0], 2));
        TensorAssert.Close(y, Tensor.From([1.0 / (1.0 + Math.Exp(-1)), 0.0], 2), 1e-15, "x·σ(x)");
    }
}
