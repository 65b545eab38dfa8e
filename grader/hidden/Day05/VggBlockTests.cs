// Kills: missing ReLU or pool; pool before the convs; convs without padding (shape shrinks); wrong backward order;
// parameters not exposed; Backward not idempotent; bad input shape not rejected with layer, expected, actual.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day05.Tests;

[Trait("Exercise", "5.5")]
public class VggBlockTests
{
    [Fact]
    public void Output_is_N_out_H_over_2_W_over_2()
    {
        var y = new VggBlock(3, 8, 2, new Rng(1)).Forward(new Rng(2).Normal(1.0, 2, 3, 8, 6));

        y.Shape.ToArray().Should().Equal([2, 8, 4, 3], "padded 3×3 convs keep 8×6, the 2×2 pool halves it");
    }

    [Fact]
    public void Parameter_count_is_two_times_9C2_plus_C_for_a_C_to_C_block()
    {
        var block = new VggBlock(16, 16, 2, new Rng(3));

        block.Parameters.Sum(p => (long)p.Value.Length).Should().Be(2L * (9 * 16 * 16 + 16), "two 3×3 convs with bias");
    }

    [Fact]
    [Trait("Weight", "10")]
    public void Equals_the_engine_layers_composed_by_hand()
    {
        var rng = new Rng(4);
        var reference = new EngineLayers.Sequential<double>(
            new EngineLayers.Conv2d<double>(2, 3, 3, rng, 1, 1), new EngineLayers.Relu<double>(),
            new EngineLayers.Conv2d<double>(3, 3, 3, rng, 1, 1), new EngineLayers.Relu<double>(),
            new EngineLayers.MaxPool2d<double>(2, 2));

        DifferentialCheck.Layers(new VggBlock(2, 3, 2, new Rng(5)), reference, rng.Normal(1.0, 2, 2, 6, 6), rng.Fork("dOut"));
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Gradients_match_central_differences_through_two_convs_and_the_pool()
    {
        var rng = new Rng(6);

        GradAssert.LayerGradientsMatch(new VggBlock(2, 3, 2, rng), rng.Normal(1.0, 2, 2, 4, 4), rng.Fork("check"), tolerance: 1e-5);
    }

    [Fact]
    public void Backward_twice_gives_the_same_result_and_leaves_dOut_alone()
    {
        var rng = new Rng(7);
        var block = new VggBlock(2, 2, 2, rng);
        block.Forward(rng.Normal(1.0, 1, 2, 4, 4));
        var dOut = rng.Normal(1.0, 1, 2, 2, 2);
        var before = dOut.ToArray();

        var first = block.Backward(dOut);
        var second = block.Backward(dOut);

        dOut.ToArray().Should().Equal(before);
        TensorAssert.Close(second, first, 0, "Backward twice after one Forward is identical");
    }

    [Fact]
    public void Wrong_input_channels_throw_an_ArgumentException_naming_layer_and_shapes()
    {
        var act = () => new VggBlock(3, 4, 1, new Rng(8)).Forward(Tensor.Zeros(1, 5, 4, 4));

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("VggBlock").And.Contain("3").And.Contain("(1, 5, 4, 4)");
    }
}
