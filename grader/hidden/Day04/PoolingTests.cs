// Kills: D4-M3 max-pool backward sending the gradient to every position of the window or to every tied maximum;
// pooling across channels; a tie rule other than "first maximum in row-major order"; overlapping windows that
// overwrite instead of accumulating; average pooling that forgets the 1/(ph·pw); stride or window size ignored;
// Backward not repeatable or mutating dOut (4.5).
using EngineLayers = Course.Engine.Layers;

namespace Course.Day04.Tests;

[Trait("Exercise", "4.5")]
public class PoolingTests
{
    private static Tensor Channels3() =>
        Tensor.From([
            1, 2, 3, 4,  5, 6, 7, 8,  9, 10, 11, 12,  13, 14, 15, 16,
            -1, -2, -3, -4,  -5, -6, -7, -8,  -9, -10, -11, -12,  -13, -14, -15, -16,
            0, 9, 0, 0,  0, 0, 0, 7,  3, 0, 0, 0,  0, 0, 5, 0.0], 1, 3, 4, 4);

    [Fact]
    [Trait("Weight", "2")]
    public void Max_pooling_keeps_channels_separate_and_takes_each_windows_maximum()
    {
        var y = new MaxPoolingLayer(2, 2, 2).Forward(Channels3());

        y.ShapeString.Should().Be("(1, 3, 2, 2)", "pooling keeps the channel count");
        y.ToArray().Should().Equal([6, 8, 14, 16, -1, -3, -9, -11, 9, 7, 3, 5.0], "each channel is pooled on its own");
    }

    [Fact]
    public void Pooling_layers_have_no_parameters()
    {
        new MaxPoolingLayer(2, 2, 2).Parameters.Should().BeEmpty("pooling has nothing to learn");
        new AvgPoolingLayer(2, 2, 2).Parameters.Should().BeEmpty("pooling has nothing to learn");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void A_tie_sends_the_whole_gradient_to_the_first_maximum_in_row_major_order()
    {
        var layer = new MaxPoolingLayer(2, 2, 2);
        layer.Forward(Tensor.From([1, 5, 5, 5.0], 1, 1, 2, 2));

        var dx = layer.Backward(Tensor.From([3.0], 1, 1, 1, 1));

        dx.ToArray().Should().Equal([0, 3, 0, 0.0], "three pixels tie at 5: the first in row-major order gets all of dOut, not a split or a copy each");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Overlapping_windows_add_their_gradients_on_a_shared_maximum()
    {
        var layer = new MaxPoolingLayer(2, 2, 1);
        var x = Tensor.From([0, 1, 0, 2, 9, 3, 0, 4, 0.0], 1, 1, 3, 3);   // the centre 9 is the maximum of all four windows
        var y = layer.Forward(x);

        var dx = layer.Backward(Tensor.From([1, 2, 3, 4.0], 1, 1, 2, 2));

        y.ToArray().Should().Equal([9, 9, 9, 9.0]);
        dx.ToArray().Should().Equal([0, 0, 0, 0, 10, 0, 0, 0, 0.0], "the centre receives 1 + 2 + 3 + 4 from the four windows it wins");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Max_pooling_gradients_match_central_differences_when_maxima_are_well_separated()
    {
        var rng = new Rng(451);
        var values = rng.Permutation(2 * 3 * 6 * 6).Select(v => v * 1e-2).ToArray();   // distinct, gaps ≥ 1e-2 ≫ h
        var layer = new MaxPoolingLayer(3, 3, 3);

        GradAssert.LayerGradientsMatch(layer, Tensor.From(values, 2, 3, 6, 6), rng.Fork("check"), tolerance: 1e-7);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_one_pixel_shift_inside_a_window_leaves_the_max_pool_output_unchanged()
    {
        var x = Tensor.Zeros(1, 1, 4, 4);
        x[0, 0, 0, 0] = 1.0;
        var shifted = Tensor.Zeros(1, 1, 4, 4);
        shifted[0, 0, 1, 1] = 1.0;   // same 2×2 window

        var layer = new MaxPoolingLayer(2, 2, 2);
        layer.Forward(shifted).ToArray().Should().Equal(layer.Forward(x).ToArray(), "the maximum of a window does not care where in the window it sits");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Both_poolings_equal_the_engine_layers_at_stride_two_and_three_by_three_windows()
    {
        var rng = new Rng(452);
        DifferentialCheck.Layers(new MaxPoolingLayer(3, 3, 2), new EngineLayers.MaxPool2d<double>(3, 3, 2, 0), rng.Normal(1.0, 2, 3, 7, 7), rng.Fork("max"));
        DifferentialCheck.Layers(new AvgPoolingLayer(3, 3, 2), new EngineLayers.AvgPool2d<double>(3, 3, 2, 0), rng.Normal(1.0, 2, 3, 7, 7), rng.Fork("avg"));
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Average_pooling_divides_by_the_window_size_and_spreads_dOut_evenly_back()
    {
        var layer = new AvgPoolingLayer(2, 2, 2);
        var y = layer.Forward(Channels3());
        var dx = layer.Backward(Tensor.Full(4.0, 1, 3, 2, 2));

        y.ToArray().Take(4).Should().Equal([3.5, 5.5, 11.5, 13.5], "(1 + 2 + 5 + 6)/4 = 3.5");
        dx.ToArray().Should().AllSatisfy(v => v.Should().Be(1.0, "each of the 4 pixels of a window gets dOut/4"));
        var rng = new Rng(453);
        GradAssert.LayerGradientsMatch(new AvgPoolingLayer(2, 2, 1), rng.Normal(1.0, 2, 2, 4, 4), rng.Fork("check"), tolerance: 1e-7);
    }

    [Fact]
    public void Backward_twice_is_identical_and_dOut_is_not_modified()
    {
        var rng = new Rng(454);
        foreach (ILayer layer in new ILayer[] { new MaxPoolingLayer(2, 2, 1), new AvgPoolingLayer(2, 2, 1) })
        {
            layer.Forward(rng.Normal(1.0, 1, 2, 4, 4));
            var dOut = rng.Normal(1.0, 1, 2, 3, 3);
            var d0 = dOut.Clone();
            var first = layer.Backward(dOut).Clone();
            TensorAssert.Close(layer.Backward(dOut), first, 0, $"{layer.GetType().Name}: a second Backward must return the same dL/dx");
            TensorAssert.Close(dOut, d0, 0, $"{layer.GetType().Name}: dOut must not be modified in place");
        }
    }
}
