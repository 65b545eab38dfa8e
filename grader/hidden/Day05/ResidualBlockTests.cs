// Kills: D5-M1 residual Backward dropping the shortcut gradient; D5-M2 ReLU before the addition; projection chosen
// for the wrong shapes; convs with bias (count 230,144); BN in the wrong place; Backward not idempotent.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day05.Tests;

[Trait("Exercise", "5.7")]
public class ResidualBlockTests
{
    private static void ZeroBranch(ResidualBlock block)
    {
        block.Conv1.W.Value.CopyFrom(Tensor.Zeros(block.Conv1.W.Value.ShapeArray));
        block.Conv2.W.Value.CopyFrom(Tensor.Zeros(block.Conv2.W.Value.ShapeArray));
        block.Bn2.Gamma.Value.CopyFrom(Tensor.Zeros(block.Bn2.Gamma.Value.ShapeArray));
    }

    [Fact]
    [Trait("Weight", "6")]
    public void Identity_block_with_a_zero_branch_is_exactly_ReLU_of_x()
    {
        var rng = new Rng(1);
        var block = new ResidualBlock(3, 3, 1, rng);
        ZeroBranch(block);
        var x = rng.Normal(1.0, 2, 3, 4, 4);

        var y = block.Forward(x);

        y.ToArray().Should().Equal(x.ToArray().Select(v => Math.Max(0, v)), "y = ReLU(0 + x): the ReLU comes after the addition");
    }

    [Fact]
    [Trait("Weight", "6")]
    public void With_a_zero_branch_dX_is_dOut_where_x_is_positive()
    {
        var rng = new Rng(2);
        var block = new ResidualBlock(3, 3, 1, rng);
        ZeroBranch(block);
        var x = rng.Normal(1.0, 2, 3, 4, 4);
        block.Forward(x);
        var dOut = rng.Normal(1.0, 2, 3, 4, 4);

        var dx = block.Backward(dOut);

        TensorAssert.Close(dx, Tensor.From(dOut.ToArray().Zip(x.ToArray(), (g, v) => v > 0 ? g : 0).ToArray(), dOut.ShapeArray), 1e-12,
            "the shortcut passes dOut ⊙ 1[x > 0] straight to the input");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Projection_is_used_exactly_when_the_shapes_differ_and_64_to_128_stride_2_has_230_144_parameters()
    {
        var rng = new Rng(3);
        new ResidualBlock(4, 4, 1, rng).HasProjection.Should().BeFalse("same channels, stride 1 → identity");
        new ResidualBlock(4, 4, 2, rng).HasProjection.Should().BeTrue("stride 2 halves H and W");
        new ResidualBlock(4, 8, 1, rng).HasProjection.Should().BeTrue("channel change");

        new ResidualBlock(64, 128, 2, rng).Parameters.Sum(p => (long)p.Value.Length).Should().Be(230_144L,
            "73,728 + 147,456 + 8,192 conv weights (no bias before BN) + 3 × 256 for γ, β");
    }

    [Fact]
    public void Stride_2_block_halves_the_spatial_size()
    {
        var y = new ResidualBlock(2, 4, 2, new Rng(4)).Forward(new Rng(5).Normal(1.0, 2, 2, 6, 6));

        y.Shape.ToArray().Should().Equal([2, 4, 3, 3]);
    }

    [Theory]
    [Trait("Weight", "6")]
    [InlineData(3, 3, 1)]
    [InlineData(2, 4, 2)]
    public void Equals_the_engine_reference_block(int inC, int outC, int stride)
    {
        var rng = new Rng(6);

        DifferentialCheck.Layers(new ResidualBlock(inC, outC, stride, new Rng(7)), new EngineLayers.ResidualBlock<double>(inC, outC, stride, rng),
            rng.Normal(1.0, 3, inC, 4, 4), rng.Fork("dOut"));
    }

    [Theory]
    [Trait("Weight", "3")]
    [InlineData(2, 2, 1)]
    [InlineData(2, 3, 2)]
    public void Gradients_match_central_differences_in_training_mode(int inC, int outC, int stride)
    {
        var rng = new Rng(8);

        GradAssert.LayerGradientsMatch(new ResidualBlock(inC, outC, stride, rng), rng.Normal(1.0, 2, inC, 4, 4), rng.Fork("check"), tolerance: 1e-5);
    }

    [Fact]
    public void Backward_twice_gives_the_same_dX_and_leaves_dOut_alone()
    {
        var rng = new Rng(9);
        var block = new ResidualBlock(2, 2, 1, rng);
        block.Forward(rng.Normal(1.0, 2, 2, 4, 4));
        var dOut = rng.Normal(1.0, 2, 2, 4, 4);
        var before = dOut.ToArray();

        var first = block.Backward(dOut);
        var second = block.Backward(dOut);

        dOut.ToArray().Should().Equal(before);
        TensorAssert.Close(second, first, 0, "Backward twice after one Forward is identical");
    }

    [Fact]
    public void Wrong_input_shape_throws_an_ArgumentException_naming_layer_and_shapes()
    {
        var act = () => new ResidualBlock(3, 3, 1, new Rng(10)).Forward(Tensor.Zeros(2, 4, 4, 4));

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("ResidualBlock").And.Contain("3").And.Contain("(2, 4, 4, 4)");
    }
}
