using System.Globalization;
using System.Text.RegularExpressions;
using Course.Day04;
using Course.Engine;
using Course.Engine.Layers;
using Tensor = Course.Engine.Tensor<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests;

/// <summary>Every 計算 answer of the Day 4 quiz (and the code items with a computable answer), recomputed from the
/// reference solutions or the engine and compared with the option marked correct in quiz.md.</summary>
public class Day04QuizAnswerTests
{
    private static readonly QuizKey Key = new("day04-cnn-basics");

    [Fact]
    public void Q1_AlexNet_first_layer_output_size() =>
        Key.Marked("D4-Q1").Should().Be(Number(ConvMath.OutputSize(227, 11, 0, 4)));

    [Fact]
    public void Q2_parameter_count_of_a_3_to_64_3x3_convolution()
    {
        var layer = new ConvolutionLayer(Tensor.Zeros(64, 3, 3, 3), Tensor.Zeros(64));
        int counted = layer.Parameters.Sum(p => p.Value.Length);

        counted.Should().Be(ConvMath.ParameterCount(3, 64, 3, 3));
        Key.Marked("D4-Q2").Should().Be(Number(counted));
    }

    [Fact]
    public void Q3_im2col_shape_of_the_book_example() =>
        Key.Marked("D4-Q3").Should().Be(Im2Col.Forward(Tensor.Zeros(10, 3, 7, 7), 5, 5, 1, 0).ShapeString);

    [Fact]
    public void Q6_receptive_field_of_three_3x3_layers_counted_from_the_input_gradient()
    {
        // Backpropagate a one-hot dOut through three real 3×3 layers: the input pixels that receive gradient are the field.
        var rng = new Rng(6);
        var layers = Enumerable.Range(0, 3).Select(_ => new ConvolutionLayer(rng.Uniform(0.5, 1.0, 1, 1, 3, 3), Tensor.Zeros(1))).ToArray();
        Tensor x = Tensor.Ones(1, 1, 11, 11);
        foreach (var l in layers) x = l.Forward(x);
        var d = Tensor.Zeros(x.ShapeArray);
        d[0, 0, 2, 2] = 1.0;
        for (int i = 2; i >= 0; i--) d = layers[i].Backward(d);
        int side = (int)Math.Round(Math.Sqrt(d.ToArray().Count(v => v != 0)));

        side.Should().Be(ConvMath.ReceptiveField([(3, 1), (3, 1), (3, 1)]));
        Key.Marked("D4-Q6").Should().Be($"{side}×{side}");
    }

    [Fact]
    public void Q8_padding_that_keeps_a_5x5_convolution_same_size()
    {
        int pad = Enumerable.Range(0, 6).First(p => ConvMath.OutputSize(9, 5, p, 1) == 9);
        Key.Marked("D4-Q8").Should().Be(pad.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q9_max_pooling_of_the_4x4_image()
    {
        var x = Tensor.From([1, 3, 2, 0, 4, 2, 1, 5, 0, 1, 7, 2, 6, 2, 3, 3.0], 1, 1, 4, 4);
        var y = new MaxPoolingLayer(2, 2, 2).Forward(x);
        Key.Marked("D4-Q9").Should().Be(string.Join(", ", y.ToArray().Select(Number)));
        var avg = new AvgPoolingLayer(2, 2, 2).Forward(x);
        Key.Options("D4-Q9").Should().Contain(string.Join(", ", avg.ToArray().Select(Number)), "the average-pooling distractor is the real average");
    }

    [Fact]
    public void Q10_running_mean_after_two_batches()
    {
        var bn = new BatchNormLayer(1, momentum: 0.9);
        bn.Forward(Tensor.From([1.0, 3.0], 2, 1));
        bn.Forward(Tensor.From([2.0, 6.0], 2, 1));
        Key.Marked("D4-Q10").Should().Be(Number(bn.RunningMean.ToScalar()));
    }

    [Fact]
    public void Q12_floored_output_shape_of_a_stride_2_pad_1_convolution_as_in_PyTorch()
    {
        var conv = new Conv2d<double>(3, 16, 3, new Rng(12), stride: 2, pad: 1);   // the engine floors, like PyTorch
        var y = conv.Forward(Tensor.Zeros(8, 3, 32, 32));
        Key.Marked("D4-Q12").Should().Be(y.ShapeString);
    }
}
