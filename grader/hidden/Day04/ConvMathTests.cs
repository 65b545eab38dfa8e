// Kills: an output-size formula that floors instead of rejecting a non-integer size, forgets the padding on one side
// (input + pad) or the +1; a parameter count without the bias or with one bias per weight; a receptive field that
// ignores the stride of earlier layers (the boundary and ignored-parameter classes for 4.1).
namespace Course.Day04.Tests;

[Trait("Exercise", "4.1")]
public class ConvMathTests
{
    [Theory]
    [Trait("Weight", "2")]
    [InlineData(227, 11, 0, 4, 55)]
    [InlineData(28, 5, 2, 1, 28)]
    [InlineData(7, 3, 0, 2, 3)]
    [InlineData(5, 3, 1, 2, 3)]
    [InlineData(3, 3, 0, 1, 1)]
    public void Output_size_is_input_plus_twice_the_padding_minus_the_kernel_over_the_stride_plus_one(int input, int kernel, int pad, int stride, int expected) =>
        ConvMath.OutputSize(input, kernel, pad, stride).Should().Be(expected, $"({input} + 2·{pad} − {kernel})/{stride} + 1 = {expected}");

    [Theory]
    [InlineData(28, 3, 1, 2)]
    [InlineData(8, 3, 0, 2)]
    [InlineData(2, 5, 1, 1)]
    public void A_size_that_is_not_an_exact_integer_or_a_kernel_larger_than_the_padded_input_throws(int input, int kernel, int pad, int stride)
    {
        var act = () => ConvMath.OutputSize(input, kernel, pad, stride);
        act.Should().Throw<ArgumentException>("the course uses exact division: a fractional or non-positive output size is a configuration error");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Parameter_counts_of_the_first_two_VGG_layers_are_1792_and_73856()
    {
        ConvMath.ParameterCount(3, 64, 3, 3).Should().Be(1_792, "3·3·3·64 weights + 64 biases");
        ConvMath.ParameterCount(64, 128, 3, 3).Should().Be(73_856, "64·3·3·128 weights + 128 biases");
        ConvMath.ParameterCount(64, 128, 3, 3, bias: false).Should().Be(73_728, "bias: false drops the 128 biases");
        ConvMath.ParameterCount(3, 8, 5, 3).Should().Be(368, "a 5×3 kernel has 15 weights per input channel: 3·8·15 + 8");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Receptive_field_grows_by_kernel_minus_one_times_the_product_of_earlier_strides()
    {
        ConvMath.ReceptiveField([(3, 1), (3, 1)]).Should().Be(5, "two stacked 3×3 stride-1 layers see 5×5");
        ConvMath.ReceptiveField([(3, 1), (3, 1), (3, 1)]).Should().Be(7, "three see 7×7");
        ConvMath.ReceptiveField([(3, 1), (2, 2), (3, 1)]).Should().Be(8, "after a stride-2 layer each step of a 3×3 kernel covers 2 input pixels: 1 + 2 + 1 + 2·2");
        ConvMath.ReceptiveField([]).Should().Be(1, "no layer: a unit sees its own pixel");
    }
}
