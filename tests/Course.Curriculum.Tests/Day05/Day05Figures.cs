using System.Globalization;
using System.Net;
using System.Text;
using Course.Curriculum.Tests.Figures;
using Course.Day05;
using Course.Engine;
using Course.Notebooks.Plotting;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day05;

/// <summary>The Day 5 lesson figures, drawn from the reference solutions and the engine (see <see cref="FigureFile"/>).</summary>
public class Day05Figures
{
    private const string Folder = "day05-cnn-methods";

    private static string N(double v, string format = "0.##") => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static StringBuilder Begin(int width, int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Esc(title)}</text>");
        return svg;
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor = "middle", int size = 12, string fill = "#222") =>
        svg.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{fill}\">{Esc(text)}</text>");

    private static void Box(StringBuilder svg, double x, double y, double w, double h, string fill, string stroke, string label = "", double opacity = 1)
    {
        svg.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{fill}\" fill-opacity=\"{N(opacity)}\" stroke=\"{stroke}\" stroke-width=\"1.5\" rx=\"4\"/>");
        if (label.Length > 0) Text(svg, x + w / 2, y + h / 2 + 4, label);
    }

    private static void Arrow(StringBuilder svg, double x1, double y1, double x2, double y2, string color = "#444") =>
        svg.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");

    private const string ArrowDef = "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>";

    [Fact]
    public void Gradient_norm_per_layer_plain_vs_residual()
    {
        var plain = Day05Architectures.GradientNormPerLayer(10, residual: false, new Rng(42));
        var residual = Day05Architectures.GradientNormPerLayer(10, residual: true, new Rng(42));
        double[] layer = [.. Enumerable.Range(1, plain.Length).Select(i => (double)i)];

        var figure = LineChart.Render(
            [new Series("plain", layer, [.. plain.Select(Math.Log10)]), new Series("residual", layer, [.. residual.Select(Math.Log10)])],
            "depth 10, first step (seed 42): log10 of each layer's gradient norm", "hidden layer (1 = first, 64 -> 32)", "log10 ||dL/dW||");

        plain[0].Should().BeLessThan(1e-6, "ten sigmoid layers shrink the first layer's gradient by about 4 each");
        residual[0].Should().BeGreaterThan(0.1, "the identity path carries the gradient down unchanged");
        FigureFile.Check(Folder, "gradient-norm-per-layer.svg", figure);
    }

    [Fact]
    public void Depth_10_training_loss_plain_vs_residual()
    {
        var plain = DepthExperiment.Run(10, residual: false, epochs: 5, new Rng(42));
        var residual = DepthExperiment.Run(10, residual: true, epochs: 5, new Rng(42));
        double[] epoch = [1, 2, 3, 4, 5];

        var figure = LineChart.Render(
            [new Series("plain", epoch, plain.EpochLoss), new Series("residual", epoch, residual.EpochLoss), new Series("ln 10", epoch, [.. epoch.Select(_ => Math.Log(10))])],
            "depth 10 sigmoid MLP on digits (seed 42, SGD 0.05, batch 32)", "epoch", "mean training loss");

        FigureFile.Check(Folder, "depth10-loss.svg", figure);
    }

    [Fact]
    public void IoU_boxes_with_the_computed_value()
    {
        (Box A, Box B, string Caption)[] cases =
        [
            (new Box(0, 0, 2, 2), new Box(1, 1, 3, 3), "overlap 1x1"),
            (new Box(0, 0, 4, 4), new Box(1, 1, 2, 3), "contained"),
            (new Box(0, 0, 1, 1), new Box(1, 0, 2, 1), "touching edge"),
        ];
        const double scale = 36, top = 60, panel = 200;
        var svg = Begin(600, 320, "IoU = |A ∩ B| / (|A| + |B| − |A ∩ B|)");
        for (int p = 0; p < cases.Length; p++)
        {
            var (a, b, caption) = cases[p];
            double ox = 30 + p * panel;
            double X(double v) => ox + v * scale;
            double Y(double v) => top + v * scale;
            double iw = Math.Max(0, Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1)), ih = Math.Max(0, Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1));
            Box(svg, X(a.X1), Y(a.Y1), (a.X2 - a.X1) * scale, (a.Y2 - a.Y1) * scale, Palette.At(0), Palette.At(0), opacity: 0.25);
            Box(svg, X(b.X1), Y(b.Y1), (b.X2 - b.X1) * scale, (b.Y2 - b.Y1) * scale, Palette.At(1), Palette.At(1), opacity: 0.25);
            if (iw > 0 && ih > 0)
                svg.Append($"<rect x=\"{N(X(Math.Max(a.X1, b.X1)))}\" y=\"{N(Y(Math.Max(a.Y1, b.Y1)))}\" width=\"{N(iw * scale)}\" height=\"{N(ih * scale)}\" fill=\"{Palette.At(2)}\" fill-opacity=\"0.7\"/>");
            Text(svg, X(a.X1) + 4, Y(a.Y1) + 14, "A", "start", 12, Palette.At(0));
            Text(svg, X(b.X2) - 4, Y(b.Y2) - 5, "B", "end", 12, Palette.At(1));
            double iou = Detection.IoU(a, b), inter = iw * ih;
            Text(svg, ox + 72, 228, caption, "middle", 12);
            Text(svg, ox + 72, 244, $"A = ({N(a.X1)},{N(a.Y1)})–({N(a.X2)},{N(a.Y2)}), B = ({N(b.X1)},{N(b.Y1)})–({N(b.X2)},{N(b.Y2)})", "middle", 10);
            Text(svg, ox + 72, 262, $"∩ = {N(inter)}, ∪ = {N(a.Area)} + {N(b.Area)} − {N(inter)} = {N(a.Area + b.Area - inter)}", "middle", 11);
            Text(svg, ox + 72, 290, $"IoU = {N(iou, "0.####")}", "middle", 14);
        }
        svg.Append("</svg>");

        Detection.IoU(cases[0].A, cases[0].B).Should().BeApproximately(1.0 / 7, 1e-15);
        FigureFile.Check(Folder, "iou-boxes.svg", svg.ToString());
    }

    /// <summary>The five-box NMS case of the lesson (two clusters and a lone box).</summary>
    public static readonly Box[] NmsBoxes = [new(0, 0, 2, 2), new(10, 10, 12, 12), new(0.1, 0, 2.1, 2), new(10, 10.2, 12, 12.2), new(5, 5, 6, 6)];
    public static readonly double[] NmsScores = [0.6, 0.7, 0.9, 0.95, 0.1];

    [Fact]
    public void Nms_before_and_after()
    {
        var kept = Detection.NonMaxSuppression(NmsBoxes, NmsScores, 0.5);
        const double scale = 19, top = 50;
        var svg = Begin(620, 330, "greedy NMS, IoU threshold 0.5: before and after");
        for (int panel = 0; panel < 2; panel++)
        {
            double ox = 20 + panel * 310;
            Text(svg, ox + 140, top - 6, panel == 0 ? "before: 5 boxes with scores" : $"after: kept [{string.Join(", ", kept)}]", "middle", 12);
            svg.Append($"<rect x=\"{N(ox)}\" y=\"{N(top)}\" width=\"{N(13 * scale + 30)}\" height=\"{N(13 * scale + 10)}\" fill=\"none\" stroke=\"#ccc\"/>");
            for (int i = 0; i < NmsBoxes.Length; i++)
            {
                if (panel == 1 && !kept.Contains(i)) continue;
                var b = NmsBoxes[i];
                double x = ox + 10 + b.X1 * scale, y = top + 5 + b.Y1 * scale;
                svg.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N((b.X2 - b.X1) * scale)}\" height=\"{N((b.Y2 - b.Y1) * scale)}\" fill=\"none\" stroke=\"{Palette.At(i)}\" stroke-width=\"2\"/>");
                double labelY = i is 0 or 1 ? y - 3 : y + (b.Y2 - b.Y1) * scale + 12;
                Text(svg, x + (i == 2 || i == 3 ? (b.X2 - b.X1) * scale : 0), labelY, $"#{i} {N(NmsScores[i])}", i == 2 || i == 3 ? "end" : "start", 10, Palette.At(i));
            }
        }
        Text(svg, 310, 318, $"IoU(#3, #1) = {N(Detection.IoU(NmsBoxes[3], NmsBoxes[1]), "0.###")} > 0.5, IoU(#2, #0) = {N(Detection.IoU(NmsBoxes[2], NmsBoxes[0]), "0.###")} > 0.5: both suppressed", "middle", 11);
        svg.Append("</svg>");

        kept.Should().Equal([3, 2, 4]);
        FigureFile.Check(Folder, "nms-before-after.svg", svg.ToString());
    }

    [Fact]
    public void Parameter_counts_of_the_surveyed_architectures()
    {
        var survey = Day05Architectures.Survey();
        const double left = 150, barMax = 320, rowH = 30, top = 50;
        var svg = Begin(640, (int)(top + survey.Count * rowH + 40), "parameters (millions) and multiply-adds per 224x224 image");
        double max = survey.Max(a => a.Parameters);
        for (int i = 0; i < survey.Count; i++)
        {
            var a = survey[i];
            double y = top + i * rowH, w = a.Parameters / max * barMax;
            Text(svg, left - 8, y + 15, a.Name, "end", 12);
            svg.Append($"<rect x=\"{N(left)}\" y=\"{N(y + 3)}\" width=\"{N(w)}\" height=\"{N(rowH - 10)}\" fill=\"{Palette.At(i)}\"/>");
            Text(svg, left + w + 6, y + 15, $"{N(a.Parameters / 1e6, "0.00")}M, {N(a.MultiplyAdds / 1e9, "0.00")}G MACs", "start", 11);
        }
        Text(svg, 320, top + survey.Count * rowH + 22, "counted by ArchitectureMath from layer lists (GoogLeNet with biases, no auxiliary heads)", "middle", 10, "#666");
        svg.Append("</svg>");

        survey.Single(a => a.Name == "VGG-16").Parameters.Should().Be(138_357_544L);
        FigureFile.Check(Folder, "param-counts.svg", svg.ToString());
    }

    [Fact]
    public void Residual_block_diagram_with_shapes_and_counts()
    {
        var block = new ResidualBlock(64, 128, 2, new Rng(5));
        var y = block.Forward(Tensor.Zeros(1, 64, 56, 56));
        long conv1 = block.Conv1.W.Value.Length, conv2 = block.Conv2.W.Value.Length, proj = block.ShortcutConv!.W.Value.Length;
        long bn = block.Bn1.Parameters.Sum(p => (long)p.Value.Length);
        long total = block.Parameters.Sum(p => (long)p.Value.Length);
        string outShape = $"({y.Dim(1)}, {y.Dim(2)}, {y.Dim(3)})";

        var svg = Begin(700, 470, $"ResNet basic block 64 -> 128, stride 2: {total:N0} parameters");
        svg.Append(ArrowDef);
        const double cx = 220, w = 250, h = 34;
        (string Label, double Y)[] main =
        [
            ("x  (64, 56, 56)", 50), ($"conv 3x3, stride 2, no bias  [{conv1:N0}]", 110), ($"BN  [{bn}]", 160), ("ReLU", 210),
            ($"conv 3x3, no bias  [{conv2:N0}]", 260), ($"BN  [{bn}]", 310),
        ];
        foreach (var (label, yy) in main) Box(svg, cx - w / 2, yy, w, h, label.StartsWith('x') ? "#f4f4f4" : "#e8f0fa", Palette.At(0), label);
        for (int i = 0; i + 1 < main.Length; i++) Arrow(svg, cx, main[i].Y + h, cx, main[i + 1].Y);
        // the addition and the final ReLU
        svg.Append($"<circle cx=\"{N(cx)}\" cy=\"380\" r=\"14\" fill=\"white\" stroke=\"#444\" stroke-width=\"1.5\"/>");
        Text(svg, cx, 385, "+", "middle", 18);
        Arrow(svg, cx, main[^1].Y + h, cx, 366);
        Box(svg, cx - w / 2, 415, w, h, "#fbe9d9", Palette.At(1), $"ReLU (after the addition) -> {outShape}");
        Arrow(svg, cx, 394, cx, 415);
        // the shortcut
        double sx = 480;
        svg.Append($"<path d=\"M{N(cx + w / 2)},67 L{N(sx)},67 L{N(sx)},170\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\"/>");
        Box(svg, sx - 90, 170, 180, h, "#eaf5e6", Palette.At(4), $"conv 1x1, stride 2  [{proj:N0}]");
        Box(svg, sx - 90, 230, 180, h, "#eaf5e6", Palette.At(4), $"BN  [{bn}]");
        Arrow(svg, sx, 204, sx, 230);
        svg.Append($"<path d=\"M{N(sx)},264 L{N(sx)},380 L{N(cx + 16)},380\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        Text(svg, sx, 156, "projection shortcut (shapes differ)", "middle", 11, "#3a7d2c");
        Text(svg, sx + 10, 296, "identity shortcut instead", "start", 10, "#666");
        Text(svg, sx + 10, 310, "when inC = outC and s = 1", "start", 10, "#666");
        Text(svg, sx + 10, 340, "backward: dOut reaches x", "start", 10, "#666");
        Text(svg, sx + 10, 354, "through both paths and", "start", 10, "#666");
        Text(svg, sx + 10, 368, "the two dX are added", "start", 10, "#666");
        svg.Append("</svg>");

        total.Should().Be(230_144L, "73,728 + 147,456 + 8,192 + 3 × 256");
        FigureFile.Check(Folder, "residual-block.svg", svg.ToString());
    }

    [Fact]
    public void Inception_block_diagram_with_the_3a_widths()
    {
        var block = new InceptionBlock(192, 64, 96, 128, 16, 32, 32, new Rng(3));
        var y = block.Forward(Tensor.Zeros(1, 192, 28, 28));
        long parameters = block.Parameters.Sum(p => (long)p.Value.Length);

        var svg = Begin(660, 330, $"Inception 3a: 192 -> {y.Dim(1)} channels on 28x28, {parameters:N0} parameters");
        svg.Append(ArrowDef);
        Box(svg, 250, 45, 160, 32, "#f4f4f4", "#888", "x  (192, 28, 28)");
        string[][] branches =
        [
            ["1x1 conv -> 64"],
            ["1x1 conv -> 96", "3x3 conv -> 128"],
            ["1x1 conv -> 16", "5x5 conv -> 32"],
            ["3x3 max-pool, s 1", "1x1 conv -> 32"],
        ];
        for (int b = 0; b < branches.Length; b++)
        {
            double bx = 20 + b * 160;
            Arrow(svg, 330, 77, bx + 70, 110);
            for (int s = 0; s < branches[b].Length; s++)
            {
                Box(svg, bx, 110 + s * 60, 140, 32, "#e8f0fa", Palette.At(b), branches[b][s]);
                if (s > 0) Arrow(svg, bx + 70, 110 + s * 60 - 28, bx + 70, 110 + s * 60);
            }
            double last = 110 + (branches[b].Length - 1) * 60 + 32;
            if (b == 0) svg.Append($"<path d=\"M{N(bx + 70)},{N(last)} L{N(bx + 70)},266 L170,266\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
            else if (b == 3) svg.Append($"<path d=\"M{N(bx + 70)},{N(last)} L{N(bx + 70)},266 L490,266\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
            else Arrow(svg, bx + 70, last, bx + 70, 250);
        }
        Box(svg, 170, 250, 320, 32, "#fbe9d9", Palette.At(1), $"concat on channels: 64 + 128 + 32 + 32 = {y.Dim(1)}");
        Text(svg, 330, 310, "backward: each branch gets its own channel range of dOut; the four dX are summed", "middle", 11, "#666");
        svg.Append("</svg>");

        parameters.Should().Be(163_696L);
        FigureFile.Check(Folder, "inception-block.svg", svg.ToString());
    }
}
