// Kills: D1-M5 sigmoid backward using the input x instead of the output y.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day01.Tests;

[Trait("Exercise", "1.6")]
public class SigmoidLayerTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void Gradients_match_central_differences_on_a_random_batch_of_5_by_4()
    {
        var rng = new Rng(81);

        GradAssert.LayerGradientsMatch(new SigmoidLayer(), rng.Normal(1.0, 5, 4), rng.Fork("check"), tolerance: 1e-7);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Output_and_gradient_equal_the_engines_Sigmoid_layer()
    {
        var rng = new Rng(82);

        DifferentialCheck.Layers(new SigmoidLayer(), new EngineLayers.Sigmoid<double>(), rng.Normal(2.0, 4, 6), rng.Fork("dOut"));
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Backward_multiplies_dOut_by_y_times_one_minus_y()
    {
        var layer = new SigmoidLayer();
        var y = layer.Forward(Tensor.From([0.0, 2.0, -1.0]));

        var dx = layer.Backward(Tensor.From([1.0, 1.0, 3.0]));

        dx[0].Should().BeApproximately(0.25, 1e-15, "σ'(0) = 0.5 · 0.5, the sigmoid's steepest slope");
        dx[1].Should().BeApproximately(y[1] * (1 - y[1]), 1e-15, "σ'(x) = y(1 − y) with the OUTPUT y = σ(2), not x = 2");
        dx[2].Should().BeApproximately(3 * 0.19661193324148185, 1e-14, "dX = dOut · σ'(−1) = 3 · 0.1966…");
        layer.Parameters.Should().BeEmpty("sigmoid has nothing to learn");
    }
}
