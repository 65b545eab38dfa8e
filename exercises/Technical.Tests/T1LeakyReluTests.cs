namespace Course.Technical.Tests;

public class T1LeakyReluTests
{
    private static readonly Tensor X = Tensor.From([-2.0, -0.5, 1.5], 3);

    [Fact]
    [Trait("Exercise", "T1.leaky-relu")]
    public void LeakyRelu_with_slope_0_1_scales_the_negative_side()
    {
        var y = new LeakyReluLayer(0.1).Forward(X);
        TensorAssert.Close(y, Tensor.From([-0.2, -0.05, 1.5], 3), 1e-15, "slope·x for x ≤ 0, x for x > 0");
    }
}
