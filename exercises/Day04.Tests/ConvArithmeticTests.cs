namespace Course.Day04.Tests;

public class ConvArithmeticTests
{
    [Fact]
    [Trait("Exercise", "4.1")]
    public void AlexNets_first_layer_has_a_55_by_55_output_and_a_3_to_64_3x3_layer_has_1792_parameters()
    {
        ConvMath.OutputSize(227, 11, 0, 4).Should().Be(55, "(227 + 2·0 − 11)/4 + 1 = 55 (lesson §4.2)");
        ConvMath.ParameterCount(3, 64, 3, 3).Should().Be(1_792, "3·3·3·64 weights plus 64 biases (lesson §4.2)");
        ConvMath.ReceptiveField([(3, 1), (3, 1)]).Should().Be(5, "two 3×3 layers see a 5×5 patch (lesson §4.2)");
    }

    [Fact]
    [Trait("Exercise", "4.2")]
    public void Direct_convolution_of_a_3x3_image_with_a_2x2_box_sums_each_window()
    {
        var x = Tensor.From([1, 2, 3, 4, 5, 6, 7, 8, 9.0], 1, 1, 3, 3);
        var y = DirectConv.Forward(x, Tensor.Ones(1, 1, 2, 2), Tensor.Zeros(1), stride: 1, pad: 0);

        y.ShapeString.Should().Be("(1, 1, 2, 2)", "(3 − 2)/1 + 1 = 2 (lesson §4.3)");
        y.ToArray().Should().Equal([12, 16, 24, 28.0], "each output is the sum of its 2×2 window, e.g. 1 + 2 + 4 + 5 = 12 (lesson §4.3)");
    }

    [Fact]
    [Trait("Exercise", "4.3")]
    public void Im2col_of_the_book_example_has_one_row_per_output_position_and_one_column_per_weight()
    {
        var x = new Rng(40).Normal(1.0, 10, 3, 7, 7);
        var col = Im2Col.Forward(x, 5, 5, 1, 0);

        col.ShapeString.Should().Be("(90, 75)", "10 images × 3×3 outputs = 90 rows, 3·5·5 = 75 columns (lesson §4.4)");
        Im2Col.Backward(col, x.ShapeArray, 5, 5, 1, 0).ShapeString.Should().Be("(10, 3, 7, 7)", "col2im returns the input's shape (lesson §4.4)");
    }
}
