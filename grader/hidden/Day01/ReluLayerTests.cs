// Kills: D1-M6 ReLU backward zeroing dOut in place (ゼロから's `dout[self.mask] = 0`) instead of returning a new tensor.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day01.Tests;

[Trait("Exercise", "1.6")]
public class ReluLayerTests
{
    // Inputs at least 1e-3 away from the kink at 0, so x ± h (h = 1e-5) never crosses it.
    private static Tensor AwayFromZero(Tensor x) => x.Map(v => v >= 0 ? v + 1e-3 : v - 1e-3);

    [Fact]
    [Trait("Weight", "3")]
    public void Gradients_match_central_differences_away_from_the_kink()
    {
        var rng = new Rng(71);

        GradAssert.LayerGradientsMatch(new ReluLayer(), AwayFromZero(rng.Normal(1.0, 5, 4)), rng.Fork("check"), tolerance: 1e-7);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Output_and_gradient_equal_the_engines_Relu_layer()
    {
        var rng = new Rng(72);

        DifferentialCheck.Layers(new ReluLayer(), new EngineLayers.Relu<double>(), rng.Normal(1.0, 6, 3, 2), rng.Fork("dOut"));
    }

    [Fact]
    public void Backward_leaves_dOut_unchanged()
    {
        var rng = new Rng(73);
        var layer = new ReluLayer();
        layer.Forward(rng.Normal(1.0, 4, 5));
        var dOut = rng.Normal(1.0, 4, 5);
        var before = dOut.ToArray();

        var dx = layer.Backward(dOut);

        dOut.ToArray().Should().Equal(before, "Backward must return a new tensor; the caller may still need dOut");
        dx.Should().NotBeSameAs(dOut, "dX is a new tensor");
    }

    [Fact]
    public void Backward_twice_gives_the_same_dX()
    {
        var rng = new Rng(74);
        var layer = new ReluLayer();
        layer.Forward(rng.Normal(1.0, 3, 4));
        var dOut = rng.Normal(1.0, 3, 4);

        var first = layer.Backward(dOut);
        var second = layer.Backward(dOut);

        TensorAssert.Close(second, first, 0, "Backward reads the cache and dOut, and changes neither");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void At_exactly_zero_the_gradient_is_zero()
    {
        var layer = new ReluLayer();
        layer.Forward(Tensor.From([0.0, -0.0, 1e-300]));

        var dx = layer.Backward(Tensor.From([5.0, 5.0, 5.0]));

        dx.ToArray().Should().Equal([0.0, 0.0, 5.0], "the mask is x > 0, so x = 0 passes no gradient (as ReLU(0) = 0)");
        layer.Parameters.Should().BeEmpty("ReLU has nothing to learn");
    }
}
