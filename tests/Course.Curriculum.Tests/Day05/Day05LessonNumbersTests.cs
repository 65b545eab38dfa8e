using System.Globalization;
using Course.Day04;
using Course.Day05;
using Course.Engine;
using Course.Engine.Data;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day05;

/// <summary>The numbers the Day 5 lesson quotes, recomputed from the reference solutions and the engine (and checked
/// to appear in lesson.md as written), so the text cannot drift from the code.</summary>
public class Day05LessonNumbersTests
{
    private static readonly string Lesson = File.ReadAllText(Path.Combine(Repo.Root, "curriculum", "day05-cnn-methods", "lesson.md"));

    private static string N(long v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static void Quoted(params string[] values)
    {
        // numbers inside $…$ are written with TeX's {,} thousands separator
        foreach (var v in values)
            (Lesson.Contains(v, StringComparison.Ordinal) || Lesson.Contains(v.Replace(",", "{,}"), StringComparison.Ordinal)).Should().BeTrue($"lesson.md quotes the computed value {v}");
    }

    [Fact]
    public void Counting_section_5_1()
    {
        var vgg = ArchitectureMath.Vgg16();
        long conv = ArchitectureMath.ParameterCount(vgg.OfType<LayerSpec.Conv>()), fc = ArchitectureMath.ParameterCount(vgg.OfType<LayerSpec.Fc>());
        long fc1 = ArchitectureMath.ParameterCount(vgg.OfType<LayerSpec.Fc>().Take(1));
        long total = conv + fc;
        Quoted(N(total), N(conv), N(fc), N(fc1), N(ArchitectureMath.MultiplyAdds(vgg, 3, 224, 224)),
            N(ArchitectureMath.MultiplyAdds(vgg.OfType<LayerSpec.Fc>().Take(1), 512, 7, 7)), N(Day05Architectures.Vgg19.Parameters));
        Quoted($"{Math.Round(100.0 * fc / total)}%", $"{Math.Round(100.0 * fc1 / total)}%");
        Quoted(N(ArchitectureMath.ParameterCount([new LayerSpec.Conv(64, 128, 3, 1, 1)])), N(ArchitectureMath.MultiplyAdds([new LayerSpec.Conv(64, 64, 3, 1, 1)], 64, 56, 56)));

        var field = vgg.Where(l => l is not LayerSpec.Fc).Select(l => l is LayerSpec.Conv c ? (c.Kernel, c.Stride) : (2, 2)).ToList();
        Quoted($"{ConvMath.ReceptiveField(field)} 画素", $"{ConvMath.ReceptiveField(field.Take(field.Count - 1).ToList())} 画素");
        ConvMath.ReceptiveField([(3, 1), (3, 1)]).Should().Be(5);
        ConvMath.ReceptiveField([(3, 1), (3, 1), (3, 1)]).Should().Be(7);
        Math.Round(100 * (1 - 18.0 / 25)).Should().Be(28);
        Math.Round(100 * (1 - 27.0 / 49)).Should().Be(45);
    }

    [Fact]
    public void Detection_section_5_2()
    {
        Detection.IoU(new Box(0, 0, 4, 4), new Box(1, 1, 2, 3)).Should().Be(0.125);
        Detection.IoU(new Box(0, 0, 1, 1), new Box(1, 0, 2, 1)).Should().Be(0);
        int[] truth = [0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 2];
        int[] predicted = [0, 0, 0, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 1];
        Quoted(Detection.MeanIoU(predicted, truth, 4).ToString("0.0000", CultureInfo.InvariantCulture));
        Detection.NonMaxSuppression([new Box(0, 0, 2, 2), new Box(1, 1, 3, 3)], [0.9, 0.8], 1.0 / 7).Should().Equal([0, 1]);
        Detection.NonMaxSuppression([new Box(0, 0, 2, 2), new Box(1, 1, 3, 3)], [0.9, 0.8], 0.14).Should().Equal([0]);
        // the common-mistake values: inclusive pixels and union = sum of areas
        Detection.IoU(new Box(0, 0, 3, 3), new Box(1, 1, 4, 4)).ToString("0.000", CultureInfo.InvariantCulture).Should().Be("0.286");
        Quoted("4/14 = 0.286");
    }

    [Fact]
    public void Separable_and_GAP_section_5_3()
    {
        var sep = new DepthwiseSeparableConv(64, 128, 3, 1, 1, new Rng(1));
        long weights = sep.Depthwise.Value.Length + sep.Pointwise.W.Value.Length;
        Quoted(N(weights), "0.1189", N(Day05Architectures.MobileNet.Parameters), N(Day05Architectures.MobileNet.MultiplyAdds),
            N(Day05Architectures.MobileNetWithFullConvs.Parameters), N(Day05Architectures.MobileNetWithFullConvs.MultiplyAdds));
        (weights / 73_728.0).ToString("0.0000", CultureInfo.InvariantCulture).Should().Be("0.1189");
        Quoted(N(ArchitectureMath.ParameterCount([new LayerSpec.Fc(512, 1000)])), N(ArchitectureMath.ParameterCount([new LayerSpec.Fc(512 * 7 * 7, 1000)])));

        var gap = new GlobalAveragePooling();
        gap.Forward(Tensor.Ones(1, 2, 3, 3));
        gap.Backward(Tensor.Ones(1, 2)).ToArray().Should().AllSatisfy(v => v.Should().BeApproximately(1.0 / 9, 1e-15), "δ/(HW)");
    }

    [Fact]
    public void Depth_experiment_section_5_4()
    {
        var (train, test) = Digits.Load();
        Quoted($"訓練 {N(train.Count)} 枚、テスト {N(test.Count)} 枚");

        var plain = Day05Architectures.GradientNormPerLayer(10, residual: false, new Rng(42));
        var residual = Day05Architectures.GradientNormPerLayer(10, residual: true, new Rng(42));
        Quoted(plain[^1].ToString("0.000", CultureInfo.InvariantCulture), $"{plain[0] * 1e7:0.00} \\times 10^{{-7}}", residual[0].ToString("0.00", CultureInfo.InvariantCulture));
        Quoted($"{(plain[^1] / plain[0]) / 1e6:0.0} \\times 10^{{6}}", "1/1{,}048{,}576");
        Math.Pow(4, 10).Should().Be(1_048_576);

        string F3(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        string Pct(double v) => (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        foreach (var (depth, isResidual) in new[] { (10, false), (10, true), (30, false), (30, true) })
        {
            var r = DepthExperiment.Run(depth, isResidual, 5, new Rng(42));
            string first = depth == 30 && isResidual ? r.EpochLoss[0].ToString("0.00", CultureInfo.InvariantCulture) : F3(r.EpochLoss[0]);
            Quoted($"{first} → {F3(r.EpochLoss[^1])} | {Pct(r.TestAccuracy)}");
        }

        var long30 = DepthExperiment.Run(10, residual: true, epochs: 30, new Rng(42));
        Quoted($"損失は {F3(long30.EpochLoss[^1])}、テスト精度は {Pct(long30.TestAccuracy)}");
    }

    [Fact]
    public void Blocks_sections_5_5_to_5_7()
    {
        var vgg = new VggBlock(64, 64, 2, new Rng(1));
        Quoted(N(vgg.Parameters.Sum(p => (long)p.Value.Length)));

        var i3a = Day05Architectures.InceptionCost(192, 28, 64, 96, 128, 16, 32, 32);
        LayerSpec[] naive = [new LayerSpec.Conv(192, 64, 1), new LayerSpec.Conv(192, 128, 3, 1, 1), new LayerSpec.Conv(192, 32, 5, 1, 2), new LayerSpec.Conv(192, 32, 1)];
        Quoted(N(i3a.Parameters), N(i3a.MultiplyAdds), N(ArchitectureMath.ParameterCount(naive)), N(naive.Sum(l => ArchitectureMath.MultiplyAdds([l], 192, 28, 28))));
        new InceptionBlock(192, 64, 96, 128, 16, 32, 32, new Rng(1)).OutChannels.Should().Be(256);

        var same = new ResidualBlock(128, 128, 1, new Rng(1));
        same.HasProjection.Should().BeFalse();
        Quoted(N(same.Parameters.Sum(p => (long)p.Value.Length)), N(Day05Architectures.ResNet(18).Parameters), N(Day05Architectures.ResNet(34).Parameters), N(Day05Architectures.ResNet(50).Parameters));
    }

    [Fact]
    public void Survey_sections_5_8_and_5_9()
    {
        foreach (var a in Day05Architectures.Survey()) Quoted(N(a.Parameters));
        Math.Round(Day05Architectures.Vgg16.Parameters / (double)Day05Architectures.GoogLeNet.Parameters).Should().Be(20);
        Math.Round(Day05Architectures.AlexNet.Parameters / (double)Day05Architectures.SqueezeNet.Parameters).Should().Be(49);

        int[] pyramid = [.. Enumerable.Range(0, 10).Select(i => (int)Math.Floor(16 + 240.0 * i / 9))];
        Quoted(string.Join(", ", pyramid));
        Quoted($"{64 + 6 * 32} チャンネル");
        (9 * 64 * 64 / (9 * 32 * 32)).Should().Be(4, "widening factor 2 quadruples a 3×3 conv");
        (2 * (3 - 1) + 1).Should().Be(5, "dilation 2 gives a 3×3 filter a 5×5 extent");
        (7 * 7 * (2 * 5 + 20)).Should().Be(1470, "YOLO v1's 7×7×30 output");
        (38 * 38 * 4 + 19 * 19 * 6 + 10 * 10 * 6 + 5 * 5 * 6 + 3 * 3 * 4 + 1 * 1 * 4).Should().Be(8732, "SSD300's default boxes");
        Quoted("8,732");
    }
}
