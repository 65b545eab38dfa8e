using Course.Engine;
using Course.Engine.Layers;

namespace Course.Certification.Tests;

/// <summary>Day 5 (CNN architectures): block parameter counts from the engine's Conv2d, multiply–adds, IoU and greedy NMS.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day05Numbers() => new()
    {
        ["D5-Q101"] = () => 2 * ParameterCount(new Conv2d<double>(128, 128, 3, new Rng(0), pad: 1).Parameters),
        ["D5-Q102"] = () => ParameterCount(new Conv2d<double>(256, 64, 1, new Rng(0), bias: false).Parameters)
                          + ParameterCount(new Conv2d<double>(64, 128, 3, new Rng(0), pad: 1, bias: false).Parameters),
        ["D5-Q103"] = () => MultiplyAdds(inChannels: 32, outChannels: 64, kernel: 3, size: 28, pad: 1),
        ["D5-Q104"] = () => IoU((0, 0, 4, 3), (2, 1, 6, 4)),
        ["D5-Q105"] = () => GreedyNms([(0, 0, 4, 4), (1, 0, 5, 4), (2, 0, 6, 4), (5, 0, 9, 4)], [0.9, 0.8, 0.7, 0.6], 0.5).Count,
    };

    private static Dictionary<string, Func<double>> Day05CodeNumbers() => new()
    {
        // groups=64: every output channel sees one input channel, so the weight is (64, 1, 3, 3).
        ["D5-Q107"] = () => 64 * 1 * 3 * 3,
    };

    [Fact]
    public void The_NMS_question_keeps_boxes_one_three_and_four()
    {
        GreedyNms([(0, 0, 4, 4), (1, 0, 5, 4), (2, 0, 6, 4), (5, 0, 9, 4)], [0.9, 0.8, 0.7, 0.6], 0.5).Should().Equal(0, 2, 3);
        IoU((0, 0, 4, 4), (1, 0, 5, 4)).Should().BeApproximately(0.6, 1e-12);
        IoU((1, 0, 5, 4), (2, 0, 6, 4)).Should().BeApproximately(0.6, 1e-12, "box 3 overlaps the removed box 2, which no longer suppresses");
    }

    /// <summary>Multiply–adds of one convolution for one image: every output value takes C_in·k·k products.</summary>
    private static double MultiplyAdds(int inChannels, int outChannels, int kernel, int size, int pad)
    {
        var y = new Conv2d<double>(Tensor<double>.Zeros(outChannels, inChannels, kernel, kernel), null, pad: pad)
            .Forward(Tensor<double>.Zeros(1, inChannels, size, size));
        return (double)y.Length * inChannels * kernel * kernel;
    }

    private static double IoU((double X1, double Y1, double X2, double Y2) a, (double X1, double Y1, double X2, double Y2) b)
    {
        double w = Math.Max(0, Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1));
        double h = Math.Max(0, Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1));
        double inter = w * h;
        return inter / ((a.X2 - a.X1) * (a.Y2 - a.Y1) + (b.X2 - b.X1) * (b.Y2 - b.Y1) - inter);
    }

    /// <summary>Sort by score, keep the best, drop the rest whose IoU with a kept box exceeds the threshold.</summary>
    private static List<int> GreedyNms(IReadOnlyList<(double, double, double, double)> boxes, IReadOnlyList<double> scores, double threshold)
    {
        var keep = new List<int>();
        foreach (var i in Enumerable.Range(0, boxes.Count).OrderByDescending(i => scores[i]))
            if (keep.All(k => IoU(boxes[k], boxes[i]) <= threshold)) keep.Add(i);
        return keep;
    }
}
