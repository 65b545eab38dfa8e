// Kills: depthwise step that mixes channels (a full conv); pointwise missing; wrong padding/stride handling; weights
// counted wrongly; GAP dividing by H or W only, or Backward not spreading dOut/(H·W); in-place dOut; Backward twice.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day05.Tests;

[Trait("Exercise", "5.3")]
public class SeparableConvTests
{
    private static long WeightCount(ILayer layer) => layer.Parameters.Where(p => p.Value.Rank == 4).Sum(p => (long)p.Value.Length);

    [Fact]
    [Trait("Weight", "2")]
    public void Separable_3x3_64_to_128_has_8_768_weights_against_73_728_for_a_full_conv()
    {
        var layer = new DepthwiseSeparableConv(64, 128, 3, 1, 1, new Rng(1));

        WeightCount(layer).Should().Be(8_768L, "3·3·64 depthwise + 64·128 pointwise");
        (WeightCount(layer) / 73_728.0).Should().BeApproximately(1.0 / 128 + 1.0 / 9, 1e-12, "ratio 1/N + 1/k²");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Depthwise_part_mixes_no_channels()
    {
        var rng = new Rng(2);
        var layer = new DepthwiseSeparableConv(3, 3, 3, 1, 1, rng);
        var pw = layer.Parameters.Single(p => p.Value.Rank == 4 && p.Value.Dim(2) == 1 && p.Value.Dim(0) == 3 && p.Value.Dim(1) == 3);
        pw.Value.CopyFrom(Tensor.From([1.0, 0, 0, 0, 1, 0, 0, 0, 1], 3, 3, 1, 1));   // identity 1×1: output = depthwise output
        foreach (var b in layer.Parameters.Where(p => p.Value.Rank == 1)) b.Value.CopyFrom(Tensor.Zeros(b.Value.ShapeArray));
        var x = Tensor.Zeros(2, 3, 5, 5);
        var channel1 = rng.Normal(1.0, 2, 1, 5, 5);
        for (int n = 0; n < 2; n++) channel1.Span.Slice(n * 25, 25).CopyTo(x.Span.Slice((n * 3 + 1) * 25, 25));

        var y = layer.Forward(x);

        for (int n = 0; n < 2; n++)
        for (int c = 0; c < 3; c++)
        {
            var plane = y.Span.Slice((n * 3 + c) * 25, 25).ToArray();
            if (c == 1) plane.Should().Contain(v => v != 0, "channel 1's filter sees channel 1's input");
            else plane.Should().OnlyContain(v => v == 0, $"channel {c} of the depthwise output must not see channel 1's input");
        }
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Depthwise_output_equals_a_per_channel_convolution_with_stride_and_padding()
    {
        var rng = new Rng(3);
        var layer = new DepthwiseSeparableConv(2, 2, 3, 2, 1, rng);
        var dw = layer.Parameters.Single(p => p.Value.Rank == 4 && p.Value.Dim(1) == 1 && p.Value.Dim(2) == 3);
        var pw = layer.Parameters.Single(p => p.Value.Rank == 4 && p.Value.Dim(2) == 1);
        pw.Value.CopyFrom(Tensor.From([1.0, 0, 0, 1], 2, 2, 1, 1));
        foreach (var b in layer.Parameters.Where(p => p.Value.Rank == 1)) b.Value.CopyFrom(Tensor.Zeros(b.Value.ShapeArray));
        var x = rng.Normal(1.0, 1, 2, 7, 7);

        var y = layer.Forward(x);

        y.Shape.ToArray().Should().Equal([1, 2, 4, 4], "(7 + 2 − 3)/2 + 1 = 4");
        for (int c = 0; c < 2; c++)
        {
            var filter = Tensor.From(dw.Value.Span.Slice(c * 9, 9).ToArray(), 1, 1, 3, 3);
            var plane = Tensor.From(x.Span.Slice(c * 49, 49).ToArray(), 1, 1, 7, 7);
            var expected = new EngineLayers.Conv2d<double>(filter, null, 2, 1).Forward(plane);
            TensorAssert.Close(Tensor.From(y.Span.Slice(c * 16, 16).ToArray(), 1, 1, 4, 4), expected, 1e-12, $"channel {c} is its own 3×3 conv");
        }
    }

    [Fact]
    [Trait("Weight", "6")]
    public void Separable_conv_gradients_match_central_differences()
    {
        var rng = new Rng(4);

        GradAssert.LayerGradientsMatch(new DepthwiseSeparableConv(3, 4, 3, 2, 1, rng), rng.Normal(1.0, 2, 3, 5, 5), rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    public void Separable_conv_backward_twice_is_identical_and_leaves_dOut_alone()
    {
        var rng = new Rng(5);
        var layer = new DepthwiseSeparableConv(2, 3, 3, 1, 1, rng);
        layer.Forward(rng.Normal(1.0, 2, 2, 4, 4));
        var dOut = rng.Normal(1.0, 2, 3, 4, 4);
        var before = dOut.ToArray();

        var first = layer.Backward(dOut);
        var grads = layer.Parameters.Select(p => p.Grad.ToArray()).ToArray();
        var second = layer.Backward(dOut);

        dOut.ToArray().Should().Equal(before, "Backward must not write into dOut");
        TensorAssert.Close(second, first, 0, "the second Backward recomputes, it does not accumulate");
        for (int i = 0; i < grads.Length; i++) layer.Parameters[i].Grad.ToArray().Should().Equal(grads[i], "gradients are overwritten, not added");
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Global_average_pooling_averages_each_plane_and_spreads_dOut_over_H_times_W()
    {
        var gap = new GlobalAveragePooling();
        var x = Tensor.From(Enumerable.Range(0, 2 * 2 * 2 * 3).Select(i => (double)i).ToArray(), 2, 2, 2, 3);

        var y = gap.Forward(x);
        var dx = gap.Backward(Tensor.From([6.0, 12.0, 18.0, 24.0], 2, 2));

        y.ToArray().Should().Equal([2.5, 8.5, 14.5, 20.5], "mean of each 2×3 plane");
        dx.ToArray().Should().Equal(Enumerable.Repeat(1.0, 6).Concat(Enumerable.Repeat(2.0, 6)).Concat(Enumerable.Repeat(3.0, 6)).Concat(Enumerable.Repeat(4.0, 6)),
            "dOut[n, c]/(H·W) = dOut/6 at every position of the plane");
        gap.Parameters.Should().BeEmpty("GAP has no parameters");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Global_average_pooling_matches_the_engine_reference()
    {
        var rng = new Rng(6);

        DifferentialCheck.Layers(new GlobalAveragePooling(), new EngineLayers.GlobalAvgPool<double>(), rng.Normal(1.0, 3, 4, 5, 2), rng.Fork("dOut"));
    }
}
