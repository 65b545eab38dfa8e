namespace Course.Day05.Tests;

[Trait("Exercise", "5.3")]
public class SeparableConvTests
{
    [Fact]
    public void Separable_conv_shapes_and_gradients()
    {
        var rng = new Rng(11);
        var layer = new DepthwiseSeparableConv(2, 3, 3, 1, 1, rng);

        layer.Forward(rng.Normal(1.0, 2, 2, 5, 5)).Shape.ToArray().Should().Equal([2, 3, 5, 5], "pad 1 keeps 5×5; the 1×1 conv gives 3 channels");
        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 2, 2, 4, 4), rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    public void Global_average_pooling_gives_the_mean_of_each_plane()
    {
        var y = new GlobalAveragePooling().Forward(Tensor.From([1.0, 2, 3, 6, 10, 10, 10, 10], 1, 2, 2, 2));

        y.ToArray().Should().Equal([3.0, 10.0], "(N, C, H, W) → (N, C), each entry the plane's mean (lesson §5.3)");
    }
}
