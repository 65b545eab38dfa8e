using Course.Model.Quizzes;
using System.Globalization;
using System.Text.RegularExpressions;
using Course.Day05;
using Course.Engine;
using Course.Engine.Layers;
using Tensor = Course.Engine.Tensor<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests.Day05;

/// <summary>Every 計算 answer of the Day 5 quiz (and the code items with a computable answer), recomputed from the
/// reference solutions or the engine and compared with the option marked correct in quiz.md.</summary>
public class Day05QuizAnswerTests
{
    private static readonly QuizKey Key = new("day05-cnn-methods");

    [Fact]
    public void Q1_two_3x3_convs_against_one_5x5_conv()
    {
        const int c = 64;   // any channel count: the answer is stated per C²
        long stacked = ArchitectureMath.ParameterCount([new LayerSpec.Conv(c, c, 3, 1, 1, Bias: false), new LayerSpec.Conv(c, c, 3, 1, 1, Bias: false)]);
        long single = ArchitectureMath.ParameterCount([new LayerSpec.Conv(c, c, 5, 1, 2, Bias: false)]);

        Key.Marked("D5-Q1").Should().Be($"{stacked / (c * c)}C² と {single / (c * c)}C²");
        (stacked % (c * c)).Should().Be(0);
    }

    [Fact]
    public void Q2_bottleneck_before_the_5x5_branch()
    {
        long direct = ArchitectureMath.ParameterCount([new LayerSpec.Conv(192, 32, 5, 1, 2, Bias: false)]);
        long reduced = ArchitectureMath.ParameterCount([new LayerSpec.Conv(192, 16, 1, Bias: false), new LayerSpec.Conv(16, 32, 5, 1, 2, Bias: false)]);

        direct.Should().Be(153_600L, "the stem states 5·5·192·32");
        Key.Marked("D5-Q2").Should().Be(Number(reduced));
    }

    [Fact]
    public void Q3_first_fully_connected_layer_of_VGG16()
    {
        var fc1 = ArchitectureMath.Vgg16().OfType<LayerSpec.Fc>().First();
        long counted = ArchitectureMath.ParameterCount([fc1]);

        Key.Marked("D5-Q3").Should().Be(Number(counted));
        Key.Options("D5-Q3").Should().Contain(Number(counted - fc1.Out), "the no-bias distractor")
            .And.Contain(Number(ArchitectureMath.ParameterCount([new LayerSpec.Fc(512, 4096)]))).And.Contain(Number(ArchitectureMath.ParameterCount([new LayerSpec.Fc(4096, 4096)])));
    }

    [Fact]
    public void Q4_weight_ratio_of_the_depthwise_separable_conv()
    {
        var sep = new DepthwiseSeparableConv(64, 128, 3, 1, 1, new Rng(4));
        var full = new Conv2d<double>(64, 128, 3, new Rng(4), pad: 1);
        double ratio = (double)(sep.Depthwise.Value.Length + sep.Pointwise.W.Value.Length) / full.W.Value.Length;

        ratio.Should().BeApproximately(1.0 / 128 + 1.0 / 9, 1e-12, "1/N + 1/K²");
        Key.Marked("D5-Q4").Should().StartWith($"約 {ratio.ToString("0.000", CultureInfo.InvariantCulture)} 倍");
        Key.Options("D5-Q4").Should().Contain(o => o.StartsWith($"約 {(1.0 / 64 + 1.0 / 9).ToString("0.000", CultureInfo.InvariantCulture)} 倍"));
    }

    [Fact]
    public void Q5_IoU_of_the_two_overlapping_boxes()
    {
        double iou = Detection.IoU(new Box(0, 0, 2, 2), new Box(1, 1, 3, 3));
        var answer = Key.Marked("D5-Q5").Split('/').Select(double.Parse).ToArray();

        (answer[0] / answer[1]).Should().BeApproximately(iou, 1e-15);
        // the inclusive-pixel distractor: widths + 1 → 3×3 boxes, 2×2 overlap
        Detection.IoU(new Box(0, 0, 3, 3), new Box(1, 1, 3, 3)).Should().BeApproximately(4.0 / 9, 1e-15);
        Key.Options("D5-Q5").Should().Contain("2/7", "4 / (9 + 9 − 4) with the +1 widths");
    }

    [Fact]
    public void Q6_parameters_of_a_projection_residual_block()
    {
        var block = new ResidualBlock(64, 128, 2, new Rng(6));
        long total = block.Parameters.Sum(p => (long)p.Value.Length);
        long bn = block.Bn1.Parameters.Sum(p => (long)p.Value.Length) + block.Bn2.Parameters.Sum(p => (long)p.Value.Length) + block.ShortcutBn!.Parameters.Sum(p => (long)p.Value.Length);

        block.HasProjection.Should().BeTrue();
        Key.Marked("D5-Q6").Should().Be(Number(total));
        Key.Options("D5-Q6").Should().Contain(Number(total - block.ShortcutConv!.W.Value.Length - block.ShortcutBn.Parameters.Sum(p => p.Value.Length)))
            .And.Contain(Number(total - bn)).And.Contain(Number(total + 3 * 128));
    }

    [Fact]
    public void Q13_torchvision_nms_keeps_the_same_indices_as_the_solution()
    {
        var kept = Detection.NonMaxSuppression(Day05Figures.NmsBoxes, Day05Figures.NmsScores, 0.5);
        Key.Marked("D5-Q13").Should().Be($"tensor([{string.Join(", ", kept)}])");
        Key.Text("D5-Q13").Should().Contain("0.818").And.Contain("0.905");
        Detection.IoU(Day05Figures.NmsBoxes[3], Day05Figures.NmsBoxes[1]).ToString("0.000", CultureInfo.InvariantCulture).Should().Be("0.818");
        Detection.IoU(Day05Figures.NmsBoxes[2], Day05Figures.NmsBoxes[0]).ToString("0.000", CultureInfo.InvariantCulture).Should().Be("0.905");
    }

    [Fact]
    public void Q16_grouped_conv_with_bias_as_PyTorch_counts_it()
    {
        long depthwise = ArchitectureMath.ParameterCount([new LayerSpec.DepthwiseConv(64, 3, 1, 1)]);
        Key.Marked("D5-Q16").Should().Be(Number(depthwise + 64), "PyTorch's Conv2d has bias=True by default");
        Key.Options("D5-Q16").Should().Contain(Number(ArchitectureMath.ParameterCount([new LayerSpec.Conv(64, 64, 3, 1, 1)])))
            .And.Contain(Number(ArchitectureMath.ParameterCount([new LayerSpec.Conv(64, 64, 1)])));
    }
}
