namespace Course.Day08.Tests;

public class TransposedConv2dTests
{
    [Fact]
    [Trait("Exercise", "8.7")]
    public void Kernel_4_stride_2_pad_1_doubles_4_by_4_to_8_by_8()
    {
        var rng = new Rng(13);
        var layer = new TransposedConv2d(rng.Normal(0.5, 3, 2, 4, 4), Tensor.Zeros(2), 2, 1);

        layer.OutputSize(4).Should().Be(8, "(4 − 1)·2 − 2·1 + 4 = 8 (lesson §8.7)");
        layer.Forward(rng.Normal(1.0, 2, 3, 4, 4)).Shape.ToArray().Should().Equal([2, 2, 8, 8]);
    }

    [Fact]
    [Trait("Exercise", "8.7")]
    public void Gradients_match_central_differences()
    {
        var rng = new Rng(14);
        var layer = new TransposedConv2d(rng.Normal(0.5, 2, 2, 3, 3), rng.Normal(0.5, 2), 2, 1);

        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 1, 2, 3, 3), rng, 1e-6);
    }
}
