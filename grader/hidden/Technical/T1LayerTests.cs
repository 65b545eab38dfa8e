// Kills: general bug classes for the T1 layers (wrong negative branch, dOut mutated, gradients accumulated), and the
// stand-in's plain ReLU: each layer's negative side is pinned forward and backward, so a self-consistent ReLU earns only
// the gradient check and the contract.
namespace Course.Technical.Tests;

public class T1LayerTests
{
    [Fact]
    [Trait("Exercise", "T1.leaky-relu")]
    public void LeakyRelu_known_values_and_slope_at_zero()
    {
        var layer = new LeakyReluLayer(0.2);
        TensorAssert.Close(layer.Forward(Tensor.From([-3.0, 0.0, 2.0], 3)), Tensor.From([-0.6, 0.0, 2.0], 3), 1e-15);
        TensorAssert.Close(layer.Backward(Tensor.Ones(3)), Tensor.From([0.2, 0.2, 1.0], 3), 1e-15, "the slope is taken at exactly 0");
    }

    [Fact]
    [Trait("Exercise", "T1.leaky-relu")]
    public void LeakyRelu_backward_scales_dOut_by_the_slope_on_the_negative_side()
    {
        var layer = new LeakyReluLayer(0.3);
        TensorAssert.Close(layer.Forward(Tensor.From([-1.5, 2.0, -0.1, 0.4], 2, 2)), Tensor.From([0.3 * -1.5, 2.0, 0.3 * -0.1, 0.4], 2, 2), 1e-15);
        TensorAssert.Close(layer.Backward(Tensor.From([2.0, -1.0, 4.0, 0.5], 2, 2)), Tensor.From([0.3 * 2.0, -1.0, 0.3 * 4.0, 0.5], 2, 2), 1e-15,
            "dX = dOut·slope where x ≤ 0");
    }

    [Fact]
    [Trait("Exercise", "T1.leaky-relu")]
    public void LeakyRelu_gradient_check() =>
        GradAssert.LayerGradientsMatch(new LeakyReluLayer(0.1), LayerContract.AwayFromZero(new Rng(11), 3, 5), new Rng(12), 1e-7);

    [Fact]
    [Trait("Exercise", "T1.leaky-relu")]
    public void LeakyRelu_contract() =>
        LayerContract.BackwardLeavesDOutAndRepeats(new LeakyReluLayer(0.1), new Rng(13).Normal(1.0, 4, 3), new Rng(14));

    [Fact]
    [Trait("Exercise", "T1.elu")]
    public void Elu_known_values_and_derivative()
    {
        var layer = new EluLayer(0.5);
        TensorAssert.Close(layer.Forward(Tensor.From([-2.0, 0.0, 3.0], 3)), Tensor.From([0.5 * (Math.Exp(-2) - 1), 0.0, 3.0], 3), 1e-15);
        TensorAssert.Close(layer.Backward(Tensor.Ones(3)), Tensor.From([0.5 * Math.Exp(-2), 0.5, 1.0], 3), 1e-15);
    }

    [Fact]
    [Trait("Exercise", "T1.elu")]
    public void Elu_negative_side_pinned_forward_and_backward()
    {
        var layer = new EluLayer(2.0);
        TensorAssert.Close(layer.Forward(Tensor.From([-1.0, -3.0, 0.5, -0.2], 2, 2)),
            Tensor.From([2 * (Math.Exp(-1) - 1), 2 * (Math.Exp(-3) - 1), 0.5, 2 * (Math.Exp(-0.2) - 1)], 2, 2), 1e-15);
        TensorAssert.Close(layer.Backward(Tensor.From([1.5, -2.0, 3.0, 0.5], 2, 2)),
            Tensor.From([1.5 * 2 * Math.Exp(-1), -2.0 * 2 * Math.Exp(-3), 3.0, 0.5 * 2 * Math.Exp(-0.2)], 2, 2), 1e-15, "dX = dOut·α eˣ where x ≤ 0");
    }

    [Fact]
    [Trait("Exercise", "T1.elu")]
    public void Elu_gradient_check() =>
        GradAssert.LayerGradientsMatch(new EluLayer(1.3), LayerContract.AwayFromZero(new Rng(21), 3, 5), new Rng(22), 1e-7);

    [Fact]
    [Trait("Exercise", "T1.elu")]
    public void Elu_contract() =>
        LayerContract.BackwardLeavesDOutAndRepeats(new EluLayer(1.0), new Rng(23).Normal(1.0, 4, 3), new Rng(24));

    [Fact]
    [Trait("Exercise", "T1.swish")]
    public void Swish_known_values_and_derivative()
    {
        static double S(double x) => 1 / (1 + Math.Exp(-x));
        var layer = new SwishLayer();
        TensorAssert.Close(layer.Forward(Tensor.From([-2.0, 0.0, 3.0], 3)), Tensor.From([-2 * S(-2), 0.0, 3 * S(3)], 3), 1e-15);
        TensorAssert.Close(layer.Backward(Tensor.Ones(3)), Tensor.From([S(-2) - 2 * S(-2) * (1 - S(-2)), 0.5, S(3) + 3 * S(3) * (1 - S(3))], 3), 1e-15);
    }

    [Fact]
    [Trait("Exercise", "T1.swish")]
    public void Swish_negative_side_pinned_forward_and_backward()
    {
        static double S(double x) => 1 / (1 + Math.Exp(-x));
        static double D(double x) => S(x) + x * S(x) * (1 - S(x));
        var layer = new SwishLayer();
        TensorAssert.Close(layer.Forward(Tensor.From([-1.0, -4.0, 0.5], 3)), Tensor.From([-S(-1), -4 * S(-4), 0.5 * S(0.5)], 3), 1e-15,
            "swish is negative, not 0, for x < 0");
        TensorAssert.Close(layer.Backward(Tensor.From([2.0, -1.0, 3.0], 3)), Tensor.From([2 * D(-1), -D(-4), 3 * D(0.5)], 3), 1e-15);
    }

    [Fact]
    [Trait("Exercise", "T1.swish")]
    public void Swish_gradient_check() =>
        GradAssert.LayerGradientsMatch(new SwishLayer(), new Rng(31).Normal(2.0, 3, 5), new Rng(32), 1e-7);

    [Fact]
    [Trait("Exercise", "T1.swish")]
    public void Swish_contract() =>
        LayerContract.BackwardLeavesDOutAndRepeats(new SwishLayer(), new Rng(33).Normal(1.0, 4, 3), new Rng(34));
}
