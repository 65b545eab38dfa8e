// Kills: a kernel flip (convolution instead of cross-correlation), a missing sum over input channels, a missing bias,
// padding on one side only or a stride applied to the kernel offset, an input mutated in place, and a kernel larger
// than the padded input not rejected (4.2).
using EngineLayers = Course.Engine.Layers;

namespace Course.Day04.Tests;

[Trait("Exercise", "4.2")]
public class DirectConvTests
{
    [Fact]
    [Trait("Weight", "2")]
    public void A_3x3_image_with_a_2x2_kernel_gives_the_hand_computed_sliding_dot_products()
    {
        var x = Tensor.From([1, 2, 3, 4, 5, 6, 7, 8, 9.0], 1, 1, 3, 3);
        var w = Tensor.From([1, 0, 0, -1.0], 1, 1, 2, 2);   // not symmetric: a flipped kernel gives the opposite sign
        var y = DirectConv.Forward(x, w, Tensor.From([0.5], 1), stride: 1, pad: 0);

        y.ShapeString.Should().Be("(1, 1, 2, 2)");
        y.ToArray().Should().Equal([1 - 5 + 0.5, 2 - 6 + 0.5, 4 - 8 + 0.5, 5 - 9 + 0.5],
            "y[i, j] = Σ x[i + u, j + v]·w[u, v] + b with no kernel flip: 1·1 + 5·(−1) + 0.5 = −3.5 everywhere");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Padding_one_puts_zeros_on_all_four_sides_so_each_corner_sees_only_its_own_quarter()
    {
        var x = Tensor.From([1, 2, 3, 4, 5, 6, 7, 8, 9.0], 1, 1, 3, 3);
        var w = Tensor.Ones(1, 1, 3, 3);
        var y = DirectConv.Forward(x, w, Tensor.Zeros(1), stride: 1, pad: 1);

        y.ToArray().Should().Equal([12, 21, 16, 27, 45, 33, 24, 39, 28.0],
            "a 3×3 box sum with one zero pixel on every side: top-left = 1 + 2 + 4 + 5 = 12, bottom-right = 5 + 6 + 8 + 9 = 28");
    }

    [Fact]
    public void Channels_are_summed_each_with_its_own_kernel_slice()
    {
        var x = Tensor.Zeros(1, 2, 2, 2);
        x.Span.Fill(1.0);
        x.Span.Slice(4, 4).Fill(10.0);                 // channel 1 is ten times channel 0
        var w = Tensor.From([1, 1, 1, 1, 2, 2, 2, 2.0], 1, 2, 2, 2);
        var y = DirectConv.Forward(x, w, Tensor.Zeros(1), 1, 0);

        y.ToScalar().Should().Be(4 * 1 + 4 * 20, "Σ over C of Σ over the window: channel 0 gives 4·1·1, channel 1 gives 4·10·2");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Stride_two_pad_one_on_odd_sizes_with_three_channels_and_four_filters_equals_the_engines_convolution()
    {
        var rng = new Rng(401);
        var x = rng.Normal(1.0, 2, 3, 7, 7);
        var w = rng.Normal(1.0, 4, 3, 3, 3);
        var b = rng.Normal(1.0, 4);
        var reference = new EngineLayers.Conv2d<double>(w.Clone(), b.Clone(), stride: 2, pad: 1).Forward(x.Clone());

        var y = DirectConv.Forward(x, w, b, 2, 1);

        y.ShapeString.Should().Be("(2, 4, 4, 4)", "(7 + 2 − 3)/2 + 1 = 4");
        TensorAssert.Close(y, reference, 1e-12, "the direct loops must equal the reference convolution");
    }

    [Fact]
    public void The_inputs_are_not_modified()
    {
        var rng = new Rng(402);
        var x = rng.Normal(1.0, 1, 2, 5, 5);
        var w = rng.Normal(1.0, 3, 2, 3, 3);
        var b = rng.Normal(1.0, 3);
        var (x0, w0, b0) = (x.Clone(), w.Clone(), b.Clone());

        DirectConv.Forward(x, w, b, 1, 1);

        TensorAssert.Close(x, x0, 0, "x must not be modified in place");
        TensorAssert.Close(w, w0, 0, "w must not be modified in place");
        TensorAssert.Close(b, b0, 0, "b must not be modified in place");
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_or_a_channel_mismatch_throws()
    {
        var x = Tensor.Zeros(1, 1, 3, 3);
        ((Action)(() => DirectConv.Forward(x, Tensor.Zeros(1, 1, 7, 7), Tensor.Zeros(1), 1, 1)))
            .Should().Throw<ArgumentException>("a 7×7 kernel does not fit a 3×3 input padded to 5×5");
        ((Action)(() => DirectConv.Forward(x, Tensor.Zeros(1, 2, 3, 3), Tensor.Zeros(1), 1, 0)))
            .Should().Throw<ArgumentException>("w has 2 input channels, x has 1");
    }
}
