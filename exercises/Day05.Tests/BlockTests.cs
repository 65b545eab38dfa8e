namespace Course.Day05.Tests;

public class BlockTests
{
    [Fact]
    [Trait("Exercise", "5.5")]
    public void Vgg_block_halves_H_and_W_and_passes_a_gradient_check()
    {
        var rng = new Rng(21);
        var block = new VggBlock(2, 3, 2, rng);

        block.Forward(rng.Normal(1.0, 1, 2, 4, 6)).Shape.ToArray().Should().Equal([1, 3, 2, 3], "padded convs keep the size, the 2×2 pool halves it (lesson §5.5)");
        GradAssert.LayerGradientsMatch(block, rng.Normal(1.0, 1, 2, 4, 4), rng.Fork("check"), tolerance: 1e-5);
    }

    [Fact]
    [Trait("Exercise", "5.6")]
    public void Inception_block_concatenates_c1_c3_c5_pp_channels()
    {
        var rng = new Rng(22);
        var block = new InceptionBlock(3, 2, 1, 2, 1, 1, 1, rng);

        block.Forward(rng.Normal(1.0, 1, 3, 5, 5)).Shape.ToArray().Should().Equal([1, 6, 5, 5], "2 + 2 + 1 + 1 channels, size unchanged (lesson §5.6)");
        GradAssert.LayerGradientsMatch(block, rng.Normal(1.0, 1, 3, 4, 4), rng.Fork("check"), tolerance: 1e-5);
    }

    [Fact]
    [Trait("Exercise", "5.7")]
    public void Residual_block_with_projection_has_the_output_shape_and_passes_a_gradient_check()
    {
        var rng = new Rng(23);
        var block = new ResidualBlock(2, 3, 2, rng);

        block.HasProjection.Should().BeTrue("stride 2 and 2 → 3 channels need a 1×1 projection (lesson §5.7)");
        block.Forward(rng.Normal(1.0, 2, 2, 4, 4)).Shape.ToArray().Should().Equal([2, 3, 2, 2]);
        GradAssert.LayerGradientsMatch(block, rng.Normal(1.0, 2, 2, 4, 4), rng.Fork("check"), tolerance: 1e-5);
    }
}
