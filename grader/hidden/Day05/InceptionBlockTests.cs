// Kills: D5-M3 concatenation backward slicing the wrong channel offsets; branches concatenated in another order;
// dX of the branches not summed (only the last kept); padding missing (spatial size changes); ReLU missing.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day05.Tests;

[Trait("Exercise", "5.6")]
public class InceptionBlockTests
{
    private static InceptionBlock Small(Rng rng) => new(4, 2, 2, 3, 1, 2, 1, rng);

    [Fact]
    public void Output_has_c1_plus_c3_plus_c5_plus_pp_channels_and_the_input_size()
    {
        var y = Small(new Rng(1)).Forward(new Rng(2).Normal(1.0, 2, 4, 6, 5));

        y.Shape.ToArray().Should().Equal([2, 8, 6, 5], "2 + 3 + 2 + 1 channels; every branch pads to keep 6×5");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Channels_are_the_four_branches_in_order_1x1_3x3_5x5_pool()
    {
        var rng = new Rng(3);
        var block = Small(rng);
        var x = rng.Normal(1.0, 1, 4, 5, 5);
        // Each branch alone, from the engine's layers with the block's own weights.
        var p = block.Parameters;
        var b1 = new EngineLayers.Sequential<double>(new EngineLayers.Conv2d<double>(p[0].Value, p[1].Value), new EngineLayers.Relu<double>());
        var b2 = new EngineLayers.Sequential<double>(new EngineLayers.Conv2d<double>(p[2].Value, p[3].Value), new EngineLayers.Relu<double>(),
            new EngineLayers.Conv2d<double>(p[4].Value, p[5].Value, 1, 1), new EngineLayers.Relu<double>());
        var b3 = new EngineLayers.Sequential<double>(new EngineLayers.Conv2d<double>(p[6].Value, p[7].Value), new EngineLayers.Relu<double>(),
            new EngineLayers.Conv2d<double>(p[8].Value, p[9].Value, 1, 2), new EngineLayers.Relu<double>());
        var b4 = new EngineLayers.Sequential<double>(new EngineLayers.MaxPool2d<double>(3, 1, 1),
            new EngineLayers.Conv2d<double>(p[10].Value, p[11].Value), new EngineLayers.Relu<double>());

        var y = block.Forward(x);

        int offset = 0;
        foreach (var (branch, width, name) in new[] { (b1, 2, "1×1"), (b2, 3, "3×3"), (b3, 2, "5×5"), (b4, 1, "pool") })
        {
            var expected = branch.Forward(x);
            TensorAssert.Close(Tensor.From(y.Span.Slice(offset * 25, width * 25).ToArray(), 1, width, 5, 5), expected, 1e-12,
                $"channels {offset}..{offset + width - 1} are the {name} branch");
            offset += width;
        }
    }

    [Theory]
    [Trait("Weight", "3")]
    [InlineData(0, 0, 2)]
    [InlineData(1, 2, 3)]
    [InlineData(2, 5, 2)]
    [InlineData(3, 7, 1)]
    public void A_dOut_on_one_branchs_channels_reaches_only_that_branchs_parameters(int branch, int offset, int width)
    {
        var rng = new Rng(4);
        var block = Small(rng);
        var y = block.Forward(rng.Normal(1.0, 2, 4, 5, 5));
        var dOut = Tensor.Zeros(y.ShapeArray);
        var noise = rng.Normal(1.0, y.ShapeArray);
        for (int n = 0; n < 2; n++)
            noise.Span.Slice((n * 8 + offset) * 25, width * 25).CopyTo(dOut.Span.Slice((n * 8 + offset) * 25, width * 25));
        int[] firstParam = [0, 2, 6, 10, 12];

        block.Backward(dOut);

        for (int b = 0; b < 4; b++)
        for (int i = firstParam[b]; i < firstParam[b + 1]; i++)
        {
            var g = block.Parameters[i].Grad.ToArray();
            if (b == branch) g.Should().Contain(v => v != 0, $"branch {b} gets its channels {offset}..{offset + width - 1} of dOut");
            else g.Should().OnlyContain(v => v == 0, $"branch {b}'s parameter {i} must see none of branch {branch}'s channels");
        }
    }

    [Fact]
    [Trait("Weight", "10")]
    public void Gradients_match_central_differences_on_2_4_6_6()
    {
        var rng = new Rng(5);

        GradAssert.LayerGradientsMatch(Small(rng), rng.Normal(1.0, 2, 4, 6, 6), rng.Fork("check"), tolerance: 1e-5);
    }

    [Fact]
    public void Backward_twice_gives_the_same_dX_and_leaves_dOut_alone()
    {
        var rng = new Rng(6);
        var block = Small(rng);
        block.Forward(rng.Normal(1.0, 1, 4, 4, 4));
        var dOut = rng.Normal(1.0, 1, 8, 4, 4);
        var before = dOut.ToArray();

        var first = block.Backward(dOut);
        var second = block.Backward(dOut);

        dOut.ToArray().Should().Equal(before);
        TensorAssert.Close(second, first, 0, "the four dX are summed afresh each time");
    }

    [Fact]
    [Trait("Weight", "6")]
    public void Backward_is_the_sum_of_the_four_branches_dX_from_their_own_channels()
    {
        var rng = new Rng(7);
        var block = Small(rng);
        var x = rng.Normal(1.0, 2, 4, 5, 5);
        var p = block.Parameters;
        var branches = new (EngineLayers.Sequential<double> Layers, int Width)[]
        {
            (new(new EngineLayers.Conv2d<double>(p[0].Value, p[1].Value), new EngineLayers.Relu<double>()), 2),
            (new(new EngineLayers.Conv2d<double>(p[2].Value, p[3].Value), new EngineLayers.Relu<double>(),
                new EngineLayers.Conv2d<double>(p[4].Value, p[5].Value, 1, 1), new EngineLayers.Relu<double>()), 3),
            (new(new EngineLayers.Conv2d<double>(p[6].Value, p[7].Value), new EngineLayers.Relu<double>(),
                new EngineLayers.Conv2d<double>(p[8].Value, p[9].Value, 1, 2), new EngineLayers.Relu<double>()), 2),
            (new(new EngineLayers.MaxPool2d<double>(3, 1, 1),
                new EngineLayers.Conv2d<double>(p[10].Value, p[11].Value), new EngineLayers.Relu<double>()), 1),
        };
        block.Forward(x);
        var dOut = rng.Normal(1.0, 2, 8, 5, 5);

        var dx = block.Backward(dOut);

        // The input fans out to all four branches, so dX = Σ_b dX_b, each from branch b's own channels of dOut.
        var expected = Tensor.Zeros(x.ShapeArray);
        int offset = 0;
        foreach (var (layers, width) in branches)
        {
            layers.Forward(x);
            var slice = Tensor.Zeros(2, width, 5, 5);
            for (int n = 0; n < 2; n++)
                dOut.Span.Slice((n * 8 + offset) * 25, width * 25).CopyTo(slice.Span.Slice(n * width * 25, width * 25));
            expected = expected + layers.Backward(slice);
            offset += width;
        }
        TensorAssert.Close(dx, expected, 1e-12, "dX sums the four branches' dX (the input fans out to all of them), not only one of them");
    }
}
