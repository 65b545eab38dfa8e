using System.Globalization;
using System.Text;
using Course.Curriculum.Tests.Figures;
using Course.Day02;
using Course.Engine;
using Course.Engine.Data;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Course.Notebooks.Plotting;
using Tensor = Course.Engine.Tensor<double>;
using Parameter = Course.Engine.Parameter<double>;
using ILayer = Course.Engine.ILayer<double>;

namespace Course.Curriculum.Tests.Day02;

/// <summary>
/// The training runs behind the Day-2 figures: the notebook's §2.1 experiment (64-128-128-10 ReLU, Momentum 0.9,
/// lr 0.05, batch 20, seed 42, 100 training digits, 300 validation digits), written out the same way so that the
/// lesson, the figures and the notebook quote one run.
/// </summary>
internal static class Day02Runs
{
    public sealed record EpochRow(int Epoch, double TrainLoss, double ValidLoss, double TrainAcc, double ValidAcc);

    public static readonly Lazy<(Dataset Train, Dataset Valid, Dataset Test)> Data = new(() =>
    {
        var (fullTrain, test) = Digits.Load();
        var perClass = new int[10];
        var trainRows = new List<int>();
        for (int i = 0; i < fullTrain.Count && trainRows.Count < 100; i++)
            if (perClass[fullTrain.Y[i]] < 10) { perClass[fullTrain.Y[i]]++; trainRows.Add(i); }
        var used = trainRows.ToHashSet();
        var valRows = Enumerable.Range(0, fullTrain.Count).Where(i => !used.Contains(i)).Take(300).ToArray();
        return (fullTrain.Subset(trainRows.ToArray()), fullTrain.Subset(valRows), test);
    });

    public static List<ILayer> BuildNet(double p, Rng rng)
    {
        var init = rng.Fork("init");
        var layers = new List<ILayer> { new Affine<double>(64, 128, init), new Relu<double>() };
        if (p > 0) layers.Add(new DropoutLayer(p, rng.Fork("dropout-1")));
        layers.Add(new Affine<double>(128, 128, init));
        layers.Add(new Relu<double>());
        if (p > 0) layers.Add(new DropoutLayer(p, rng.Fork("dropout-2")));
        layers.Add(new Affine<double>(128, 10, init));
        return layers;
    }

    public static (double Loss, double Acc) Evaluate(List<ILayer> net, Dataset d)
    {
        var x = d.X;
        foreach (var layer in net) x = layer.Forward(x, training: false);
        double loss = new SoftmaxWithLoss<double>().Forward(x, d.Y);
        var pred = x.ArgMax(1);
        return (loss, pred.Zip(d.Y).Count(t => t.First == t.Second) / (double)d.Count);
    }

    public static List<EpochRow> TrainCurve(List<ILayer> net, double l2, int epochs, Rng rng, Func<int, double, bool>? stop = null)
    {
        var (train, valid, _) = Data.Value;
        var ps = net.SelectMany(l => l.Parameters).ToList();
        var weights = Penalties.WeightsOnly(ps).ToList();
        var loss = new SoftmaxWithLoss<double>();
        var opt = new Momentum<double>(0.05, 0.9);
        var shuffle = rng.Fork("shuffle");
        var rows = new List<EpochRow>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            foreach (var (xb, yb) in train.Batches(20, shuffle))
            {
                var x = xb;
                foreach (var layer in net) x = layer.Forward(x, training: true);
                loss.Forward(x, yb);
                var g = loss.Backward();
                for (int i = net.Count - 1; i >= 0; i--) g = net[i].Backward(g);
                if (l2 > 0) Penalties.AddL2Gradient(weights, l2);
                opt.Step(ps);
            }
            var (trL, trA) = Evaluate(net, train);
            var (vaL, vaA) = Evaluate(net, valid);
            rows.Add(new EpochRow(epoch, trL, vaL, trA, vaA));
            if (stop is not null && stop(epoch, vaL)) break;
        }
        return rows;
    }

    /// <summary>The notebook's "なし" and "L2 1e-3" runs (50 epochs, seed 42), with the trained nets.</summary>
    public static readonly Lazy<(List<EpochRow> Curve, List<ILayer> Net)> Plain = new(() =>
    {
        var net = BuildNet(0.0, new Rng(42));
        return (TrainCurve(net, 0.0, 50, new Rng(42)), net);
    });

    public static readonly Lazy<(List<EpochRow> Curve, List<ILayer> Net)> Decay = new(() =>
    {
        var net = BuildNet(0.0, new Rng(42));
        return (TrainCurve(net, 1e-3, 50, new Rng(42)), net);
    });

    /// <summary>The notebook's "L2 1e-2" run (50 epochs, seed 42): the learning curves and the weight histogram.</summary>
    public static readonly Lazy<(List<EpochRow> Curve, List<ILayer> Net)> StrongDecay = new(() =>
    {
        var net = BuildNet(0.0, new Rng(42));
        return (TrainCurve(net, 1e-2, 50, new Rng(42)), net);
    });

    /// <summary>The notebook's early-stopping run: patience 10 on the validation loss, at most 50 epochs, seed 42.</summary>
    public static readonly Lazy<(List<EpochRow> Curve, int BestEpoch)> Stopped = new(() =>
    {
        var net = BuildNet(0.0, new Rng(42));
        var stopper = new EarlyStopping(patience: 10);
        var ps = net.SelectMany(l => l.Parameters).ToList();
        var curve = TrainCurve(net, 0.0, 50, new Rng(42), (_, validLoss) => stopper.ShouldStop(validLoss, ps));
        return (curve, stopper.BestEpoch);
    });
}

/// <summary>The Day-2 lesson figures, drawn from the reference solutions and the engine (see <see cref="FigureFile"/>).</summary>
public sealed class Day02Figures
{
    private const string Day = "day02-regularisation";

    private static string N(double v, int digits = 2) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string Px(double v) => ChartFrame.Num(v);

    // ---------------------------------------------------------------- L1 vs L2 constraint geometry

    /// <summary>Quadratic loss ½(w − w*)ᵀH(w − w*) with w* = (1.5, 0.7) and H with eigenvalues 4 and 1, rotated 30°.</summary>
    private static readonly double[] WStar = [1.5, 0.7];
    private const double Angle = 30 * Math.PI / 180, H1 = 4.0, H2 = 1.0;

    private static double Loss(double w1, double w2)
    {
        double d1 = w1 - WStar[0], d2 = w2 - WStar[1];
        double u = Math.Cos(Angle) * d1 + Math.Sin(Angle) * d2;      // coordinate along the first eigenvector
        double v = -Math.Sin(Angle) * d1 + Math.Cos(Angle) * d2;     // along the second
        return 0.5 * (H1 * u * u + H2 * v * v);
    }

    /// <summary>Minimiser of the loss on the boundary of the unit L1 ball (diamond) or L2 ball (circle), by a dense scan.</summary>
    internal static (double W1, double W2) ConstrainedMinimum(bool l1)
    {
        (double, double) best = (0, 0);
        double bestLoss = double.PositiveInfinity;
        const int steps = 400_000;
        for (int k = 0; k < steps; k++)
        {
            double t = 2 * Math.PI * k / steps;
            double c = Math.Cos(t), s = Math.Sin(t);
            double scale = l1 ? 1.0 / (Math.Abs(c) + Math.Abs(s)) : 1.0;
            double w1 = c * scale, w2 = s * scale;
            double value = Loss(w1, w2);
            if (value < bestLoss) { bestLoss = value; best = (w1, w2); }
        }
        return best;
    }

    private static string GeometryPanel(bool l1, double offsetX)
    {
        const double size = 300, scale = 70;                       // 70 px per unit, origin at (100, 200) inside the panel
        double ox = offsetX + 100, oy = 200;
        string X(double w) => Px(ox + w * scale);
        string Y(double w) => Px(oy - w * scale);
        var svg = new StringBuilder();
        string clip = l1 ? "clip-l1" : "clip-l2";
        svg.Append($"<clipPath id=\"{clip}\"><rect x=\"{Px(offsetX + 5)}\" y=\"56\" width=\"{Px(size - 10)}\" height=\"244\"/></clipPath>");
        svg.Append($"<rect x=\"{Px(offsetX + 5)}\" y=\"56\" width=\"{Px(size - 10)}\" height=\"244\" fill=\"none\" stroke=\"#ccc\"/>");
        svg.Append($"<line x1=\"{X(-1.25)}\" y1=\"{Y(0)}\" x2=\"{X(2.6)}\" y2=\"{Y(0)}\" stroke=\"#888\"/>");
        svg.Append($"<line x1=\"{X(0)}\" y1=\"{Y(-1.25)}\" x2=\"{X(0)}\" y2=\"{Y(1.95)}\" stroke=\"#888\"/>");
        svg.Append($"<text x=\"{X(2.3)}\" y=\"{Px(oy + 14)}\" text-anchor=\"end\">w₁</text>");
        svg.Append($"<text x=\"{Px(ox + 6)}\" y=\"{Y(1.85)}\">w₂</text>");

        // feasible region: ‖w‖₁ ≤ 1 (diamond) or ‖w‖₂ ≤ 1 (circle)
        if (l1)
            svg.Append($"<polygon points=\"{X(1)},{Y(0)} {X(0)},{Y(1)} {X(-1)},{Y(0)} {X(0)},{Y(-1)}\" fill=\"#dbe9f6\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>");
        else
            svg.Append($"<circle cx=\"{X(0)}\" cy=\"{Y(0)}\" r=\"{Px(scale)}\" fill=\"#dbe9f6\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>");

        // loss contours: ellipses through the constrained optimum and two larger/smaller levels
        var (m1, m2) = ConstrainedMinimum(l1);
        double level = Loss(m1, m2);
        double deg = Angle * 180 / Math.PI;
        svg.Append($"<g clip-path=\"url(#{clip})\">");
        foreach (double f in new[] { 0.3, 1.0, 1.8 })
        {
            double rx = Math.Sqrt(2 * level * f / H1) * scale, ry = Math.Sqrt(2 * level * f / H2) * scale;
            string dash = f == 1.0 ? "" : " stroke-dasharray=\"4 3\"";
            // y grows downwards in SVG, so a counter-clockwise rotation in w-space is a negative SVG angle
            svg.Append($"<ellipse cx=\"{X(WStar[0])}\" cy=\"{Y(WStar[1])}\" rx=\"{Px(rx)}\" ry=\"{Px(ry)}\" transform=\"rotate({Px(-deg)} {X(WStar[0])} {Y(WStar[1])})\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.2\"{dash}/>");
        }
        svg.Append("</g>");
        svg.Append($"<circle cx=\"{X(WStar[0])}\" cy=\"{Y(WStar[1])}\" r=\"3\" fill=\"#d62728\"/>");
        svg.Append($"<text x=\"{Px(ox + WStar[0] * scale + 6)}\" y=\"{Px(oy - WStar[1] * scale - 6)}\">w*</text>");
        svg.Append($"<circle cx=\"{X(m1)}\" cy=\"{Y(m2)}\" r=\"4.5\" fill=\"#2ca02c\" stroke=\"black\"/>");
        svg.Append($"<text x=\"{X(-1.2)}\" y=\"{Px(oy + 92)}\">制約付きの解 w = ({N(m1)}, {N(m2)})</text>");
        string title = l1 ? "L1: |w₁| + |w₂| ≤ 1（ひし形）" : "L2: w₁² + w₂² ≤ 1（円）";
        svg.Append($"<text x=\"{Px(offsetX + size / 2)}\" y=\"46\" text-anchor=\"middle\" font-size=\"13\">{title}</text>");
        return svg.ToString();
    }

    [Fact]
    public void L1_and_L2_constraint_geometry()
    {
        var (l1w1, l1w2) = ConstrainedMinimum(l1: true);
        var (l2w1, l2w2) = ConstrainedMinimum(l1: false);
        // The lesson's claims: the diamond's optimum sits on a corner (w₂ exactly 0), the circle's does not.
        l1w2.Should().BeApproximately(0.0, 1e-9, "the L1 solution lands on the corner (1, 0): a sparse weight vector");
        l1w1.Should().BeApproximately(1.0, 1e-9);
        l2w2.Should().BeGreaterThan(0.1, "the L2 solution shrinks both weights but sets neither to 0");
        N(l2w1).Should().Be("0.89");
        N(l2w2).Should().Be("0.47");

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"310\" viewBox=\"0 0 600 310\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append("<text x=\"300\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">損失の等高線（赤、w* が正則化なしの最小点）が制約領域（青）に最初に触れる点が解</text>");
        svg.Append(GeometryPanel(l1: true, 0));
        svg.Append(GeometryPanel(l1: false, 300));
        svg.Append("</svg>");
        FigureFile.Check(Day, "l1-l2-geometry.svg", svg.ToString());
    }

    // ---------------------------------------------------------------- learning curves

    [Fact]
    public void Learning_curves_with_and_without_weight_decay()
    {
        var plain = Day02Runs.Plain.Value.Curve;
        var decay = Day02Runs.Decay.Value.Curve;
        // The numbers the lesson quotes (the notebook prints the same run).
        var best = plain.MinBy(r => r.ValidLoss)!;
        (best.Epoch, N(best.ValidLoss, 4), N(plain[^1].ValidLoss, 4)).Should().Be((17, "0.4919", "0.5205"));
        (N(plain[^1].TrainLoss, 4), N(decay[^1].TrainLoss, 4), N(decay[^1].ValidLoss, 4)).Should().Be(("0.0008", "0.0030", "0.4744"));
        // A strong decay keeps the training loss up but does not lower the validation loss on this set.
        var strong = Day02Runs.StrongDecay.Value.Curve;
        (N(strong[^1].TrainLoss, 4), N(strong[^1].ValidLoss, 4)).Should().Be(("0.0497", "0.5204"));

        double[] epochs = plain.Select(r => (double)r.Epoch).ToArray();
        var figure = LineChart.Render(
        [
            new Series("訓練（なし）", epochs, plain.Select(r => r.TrainLoss).ToArray()),
            new Series("検証（なし）", epochs, plain.Select(r => r.ValidLoss).ToArray()),
            new Series("訓練（L2 1e-3）", epochs, decay.Select(r => r.TrainLoss).ToArray()),
            new Series("検証（L2 1e-3）", epochs, decay.Select(r => r.ValidLoss).ToArray()),
        ], "100 枚で学習した 64-128-128-10 の損失（seed 42）", "エポック", "交差エントロピー損失");
        FigureFile.Check(Day, "learning-curves.svg", figure);
    }

    // ---------------------------------------------------------------- early stopping

    [Fact]
    public void Early_stopping_curve_with_the_best_epoch()
    {
        var (curve, bestEpoch) = Day02Runs.Stopped.Value;
        (curve[^1].Epoch, bestEpoch).Should().Be((27, 16), "patience 10 stops at epoch 27 (1-based); BestEpoch is 0-based");
        var best = curve[bestEpoch];

        double[] xs = curve.Select(r => (double)r.Epoch).ToArray();
        double[] valid = curve.Select(r => r.ValidLoss).ToArray();
        double[] train = curve.Select(r => r.TrainLoss).ToArray();
        var frame = new ChartFrame(xs.Concat(xs), valid.Concat(train));
        var svg = frame.Begin("早期終了（patience 10、seed 42）", "エポック", "損失");
        // the patience window: epochs after the best one that brought no improvement
        svg.Append($"<rect x=\"{Px(frame.X(best.Epoch))}\" y=\"34\" width=\"{Px(frame.X(curve[^1].Epoch) - frame.X(best.Epoch))}\" height=\"282\" fill=\"#fdebd0\"/>");
        string Path(double[] ys) => string.Join(" ", xs.Select((x, i) => (i == 0 ? "M" : "L") + Px(frame.X(x)) + " " + Px(frame.Y(ys[i]))));
        svg.Append($"<path d=\"{Path(train)}\" fill=\"none\" stroke=\"{Palette.At(0)}\" stroke-width=\"1.8\"/>");
        svg.Append($"<path d=\"{Path(valid)}\" fill=\"none\" stroke=\"{Palette.At(1)}\" stroke-width=\"1.8\"/>");
        svg.Append($"<line x1=\"{Px(frame.X(best.Epoch))}\" y1=\"34\" x2=\"{Px(frame.X(best.Epoch))}\" y2=\"316\" stroke=\"#2ca02c\" stroke-dasharray=\"4 3\"/>");
        svg.Append($"<circle cx=\"{Px(frame.X(best.Epoch))}\" cy=\"{Px(frame.Y(best.ValidLoss))}\" r=\"4.5\" fill=\"#2ca02c\" stroke=\"black\"/>");
        svg.Append($"<text x=\"{Px(frame.X(best.Epoch) - 6)}\" y=\"{Px(frame.Y(best.ValidLoss) + 18)}\" text-anchor=\"end\">最良: エポック {best.Epoch}（検証損失 {N(best.ValidLoss, 4)}）</text>");
        svg.Append($"<text x=\"{Px((frame.X(best.Epoch) + frame.X(curve[^1].Epoch)) / 2)}\" y=\"120\" text-anchor=\"middle\">改善なしが 10 回続いた</text>");
        svg.Append($"<text x=\"{Px(frame.X(curve[^1].Epoch) - 4)}\" y=\"136\" text-anchor=\"end\">→ エポック {curve[^1].Epoch} で停止</text>");
        frame.Legend(svg, ["訓練損失", "検証損失"]);
        svg.Append("</svg>");
        FigureFile.Check(Day, "early-stopping.svg", svg.ToString());
    }

    // ---------------------------------------------------------------- dropout masks

    [Fact]
    public void Dropout_thins_the_network()
    {
        const int inputs = 4, hidden = 6, outputs = 3;
        var drop = new DropoutLayer(0.5, new Rng(3));
        drop.Forward(Tensor.Ones(1, 2 * hidden), training: true);
        var mask = drop.LastMask!.ToArray();
        mask.Should().OnlyContain(m => m == 0.0 || m == 2.0, "inverted dropout with p = 0.5 keeps units ×2");
        int kept = mask.Count(m => m > 0);

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"320\" viewBox=\"0 0 680 320\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        int[] sizes = [inputs, hidden, hidden, outputs];
        foreach (bool thinned in new[] { false, true })
        {
            double ox = thinned ? 350 : 10;
            (double X, double Y) Node(int layer, int i) => (ox + 40 + layer * 75, 60 + (i + 0.5) * 210.0 / sizes[layer]);
            bool Alive(int layer, int i) => !thinned || layer is 0 or 3 || mask[(layer - 1) * hidden + i] > 0;
            for (int l = 0; l + 1 < sizes.Length; l++)
                for (int i = 0; i < sizes[l]; i++)
                    for (int j = 0; j < sizes[l + 1]; j++)
                    {
                        if (!Alive(l, i) || !Alive(l + 1, j)) continue;
                        var (a, b) = (Node(l, i), Node(l + 1, j));
                        svg.Append($"<line x1=\"{Px(a.X)}\" y1=\"{Px(a.Y)}\" x2=\"{Px(b.X)}\" y2=\"{Px(b.Y)}\" stroke=\"#9ab\" stroke-width=\"0.8\"/>");
                    }
            for (int l = 0; l < sizes.Length; l++)
                for (int i = 0; i < sizes[l]; i++)
                {
                    var (x, y) = Node(l, i);
                    bool alive = Alive(l, i);
                    svg.Append($"<circle cx=\"{Px(x)}\" cy=\"{Px(y)}\" r=\"10\" fill=\"{(alive ? "#dbe9f6" : "#eee")}\" stroke=\"{(alive ? "#1f77b4" : "#bbb")}\"/>");
                    if (!alive)
                        svg.Append($"<path d=\"M{Px(x - 7)} {Px(y - 7)} L{Px(x + 7)} {Px(y + 7)} M{Px(x + 7)} {Px(y - 7)} L{Px(x - 7)} {Px(y + 7)}\" stroke=\"#d62728\" stroke-width=\"2\"/>");
                    else if (thinned && l is 1 or 2)
                        svg.Append($"<text x=\"{Px(x + 12)}\" y=\"{Px(y - 8)}\" font-size=\"9\">×2</text>");
                }
            var (line1, line2) = thinned
                ? ($"訓練時（p = 0.5）: 隠れユニット {kept}/{2 * hidden} が残る", "残ったユニットは ×1/(1−p) = ×2（seed 3 のマスク）")
                : ("推論時: すべてのユニットを使い、", "何も掛けない（恒等写像）");
            svg.Append($"<text x=\"{Px(ox + 152)}\" y=\"292\" text-anchor=\"middle\">{line1}</text>");
            svg.Append($"<text x=\"{Px(ox + 152)}\" y=\"308\" text-anchor=\"middle\">{line2}</text>");
            svg.Append($"<text x=\"{Px(ox + 152)}\" y=\"30\" text-anchor=\"middle\" font-size=\"13\">{(thinned ? "ドロップアウトで間引いた部分ネットワーク" : "元のネットワーク 4-6-6-3")}</text>");
        }
        svg.Append("</svg>");
        FigureFile.Check(Day, "dropout-mask.svg", svg.ToString());
    }

    // ---------------------------------------------------------------- weight histograms

    [Fact]
    public void Weight_histograms_with_and_without_weight_decay()
    {
        static double[] HiddenWeights(List<ILayer> net) => ((Affine<double>)net[2]).W.Value.ToArray();
        var plain = HiddenWeights(Day02Runs.Plain.Value.Net);
        var decayed = HiddenWeights(Day02Runs.StrongDecay.Value.Net);
        static double Rms(double[] w) => Math.Sqrt(w.Average(v => v * v));
        // The numbers the lesson quotes.
        (N(Rms(plain), 3), N(Rms(decayed), 3)).Should().Be(("0.132", "0.050"));

        const double lo = -0.5, hi = 0.5;
        const int bins = 40;
        double width = (hi - lo) / bins;
        double[] Counts(double[] w)
        {
            var c = new double[bins];
            foreach (var v in w) c[Math.Clamp((int)Math.Floor((v - lo) / width), 0, bins - 1)]++;
            return c.Select(n => n / w.Length).ToArray();
        }
        var (cPlain, cDecay) = (Counts(plain), Counts(decayed));
        double[] edges = Enumerable.Range(0, bins + 1).Select(i => lo + i * width).ToArray();
        var frame = new ChartFrame(edges, cPlain.Concat(cDecay).Append(0.0));
        var svg = frame.Begin("2 層目の重み 128×128 の分布（50 エポック、seed 42）", "重みの値", "割合");
        foreach (var (counts, color) in new[] { (cPlain, Palette.At(0)), (cDecay, Palette.At(1)) })
            for (int i = 0; i < bins; i++)
            {
                double x0 = frame.X(edges[i]), x1 = frame.X(edges[i + 1]), y = frame.Y(counts[i]), y0 = frame.Y(0);
                svg.Append($"<rect x=\"{Px(x0)}\" y=\"{Px(y)}\" width=\"{Px(x1 - x0)}\" height=\"{Px(y0 - y)}\" fill=\"{color}\" fill-opacity=\"0.45\" stroke=\"{color}\" stroke-width=\"0.5\"/>");
            }
        frame.Legend(svg, [$"なし（RMS {N(Rms(plain), 3)}）", $"L2 1e-2（RMS {N(Rms(decayed), 3)}）"]);
        svg.Append("</svg>");
        FigureFile.Check(Day, "weight-histograms.svg", svg.ToString());
    }

    // ---------------------------------------------------------------- data augmentation

    [Fact]
    public void Augmented_copies_of_one_digit()
    {
        var (train, _, _) = Day02Runs.Data.Value;
        var image = train.X.Row(0).Reshape(1, 1, 8, 8);
        var variants = new (string Caption, Tensor Image)[]
        {
            ($"元（{train.Y[0]}）", image),
            ("右へ 1", Augment.Shift(image, 1, 0)),
            ("下へ 1", Augment.Shift(image, 0, 1)),
            ("左上へ 1", Augment.Shift(image, -1, -1)),
            ("ノイズ σ=0.1", Augment.AddNoise(image, 0.1, new Rng(3))),
        };
        var pixels = variants.SelectMany(v => v.Image.ToArray()).ToArray();
        var figure = ImageGrid.Render(pixels, variants.Length, 8, 8, columns: variants.Length,
            "ラベルを変えない変換（0 埋めの平行移動とノイズ）", variants.Select(v => v.Caption).ToList());
        FigureFile.Check(Day, "augmentation.svg", figure);
    }
}
