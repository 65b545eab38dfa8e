using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class LeakyReluTests
{
    [Fact]
    public void Negative_inputs_are_scaled_by_the_slope_in_both_directions()
    {
        var layer = new LeakyRelu<double>(0.2);
        layer.Forward(Tensor<double>.From([-2.0, 3], 2)).ToArray().Should().Equal(-0.4, 3);
        layer.Backward(Tensor<double>.From([10.0, 10], 2)).ToArray().Should().Equal(2, 10);
        var rng = new Rng(180);
        GradAssert.LayerGradientsMatch(layer, NumericGradient.AwayFromZero(rng, 1e-3, 4, 5), rng);
    }
}
