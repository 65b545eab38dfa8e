using System.Globalization;
using System.Net;
using System.Text;
using Course.Curriculum.Tests.Figures;
using Course.Day04;
using Course.Engine;
using Course.Engine.Data;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Course.Notebooks.Plotting;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day04;

/// <summary>
/// The Day 4 lesson figures, drawn from the reference solutions: the diagrams print the numbers the solution's
/// DirectConv, Im2Col, pooling and BatchNorm layers compute, and the digit figures come from one SimpleConvNet run
/// (seed 1, Momentum 0.9, lr 0.05, batch 32, 10 epochs — the run the lesson quotes).
/// </summary>
public class Day04Figures
{
    private const string Day = "day04-cnn-basics";

    /// <summary>The 5×5 image and 3×3 vertical-edge filter of lesson §4.3 (and the notebook's first cell).</summary>
    internal static readonly double[] Image5 = [1, 2, 0, 1, 3, 0, 1, 3, 1, 0, 2, 1, 0, 2, 1, 1, 0, 2, 3, 1, 3, 1, 1, 0, 2];
    internal static readonly double[] Filter3 = [1, 0, -1, 1, 0, -1, 1, 0, -1];

    // ---------- the shared digits run ----------

    internal sealed record Run(SimpleConvNet Net, double[] EpochLoss, double[] TestAccuracy, Dataset Test);

    private static readonly Lazy<Run> Seed1 = new(() => Train(1, 10));

    internal static Run Train(ulong seed, int epochs)
    {
        var (train, test) = Digits.LoadImages();
        var rng = new Rng(seed);
        var net = new SimpleConvNet(rng.Fork("init"));
        var shuffle = rng.Fork("shuffle");
        var optimizer = new Momentum<double>(0.05, 0.9);
        var loss = new double[epochs];
        var accuracy = new double[epochs];
        for (int e = 0; e < epochs; e++)
        {
            double sum = 0;
            int batches = 0;
            foreach (var batch in train.Batches(32, shuffle))
            {
                sum += net.Loss(batch.X, batch.Y);
                net.Gradient(batch.X, batch.Y);
                optimizer.Step(net.Parameters);
                batches++;
            }
            loss[e] = sum / batches;
            accuracy[e] = Accuracy(net.Predict(test.X), test.Y);
        }
        return new Run(net, loss, accuracy, test);
    }

    internal static double Accuracy(Tensor scores, int[] labels)
    {
        int correct = 0, classes = scores.Dim(1);
        var s = scores.Span;
        for (int i = 0; i < labels.Length; i++)
        {
            int best = 0;
            for (int c = 1; c < classes; c++) if (s[i * classes + c] > s[i * classes + best]) best = c;
            if (best == labels[i]) correct++;
        }
        return (double)correct / labels.Length;
    }

    [Fact]
    public void The_seed_1_run_the_lesson_quotes()
    {
        var run = Seed1.Value;
        double[] loss = [0.937167, 0.233857, 0.130484, 0.080028, 0.043961, 0.031630, 0.017222, 0.013483, 0.010693, 0.016433];
        for (int e = 0; e < loss.Length; e++) run.EpochLoss[e].Should().BeApproximately(loss[e], 2e-3 * loss[e] + 1e-4, $"epoch {e + 1} mean training loss");
        run.TestAccuracy.Select(a => Math.Round(100 * a, 1)).Should().Equal([83.9, 93.1, 95.8, 91.4, 98.3, 98.3, 97.8, 97.5, 97.5, 97.2],
            "test accuracy after each epoch (lesson §4.8 and the training-curve figure)");
        run.Net.Parameters.Select(p => p.Value.Length).Should().Equal([144, 16, 16_384, 64, 640, 10]);
    }

    // ---------- digits figures ----------

    [Fact]
    public void Learned_first_layer_filters()
    {
        var w = Seed1.Value.Net.Parameters[0].Value;   // (16, 1, 3, 3)
        var captions = Enumerable.Range(0, w.Dim(0)).Select(f => $"f{f}").ToArray();
        var figure = ImageGrid.Render(w.Span, w.Dim(0), 3, 3, columns: 8,
            title: "SimpleConvNet 第1層の 3×3 フィルタ（seed 1、10 エポック後、濃い = 大きい重み）", captions: captions);
        FigureFile.Check(Day, "conv1-filters.svg", figure);
    }

    [Fact]
    public void Feature_maps_of_a_test_digit()
    {
        var run = Seed1.Value;
        var digit = run.Test.X.Slice(0, 0, 1);          // (1, 1, 8, 8), the first test image
        var maps = FirstLayerMaps(run.Net, digit);      // (1, 16, 8, 8) after ReLU
        var pixels = digit.ToArray().Concat(maps.ToArray()).ToArray();
        var captions = new[] { $"入力 ({run.Test.Y[0]})" }.Concat(Enumerable.Range(0, maps.Dim(1)).Select(f => $"f{f}")).ToArray();
        var figure = ImageGrid.Render(pixels, 1 + maps.Dim(1), 8, 8, columns: 9,
            title: "テスト画像 1 枚目と、第1層（畳み込み + ReLU）の 16 枚の特徴マップ", captions: captions);
        FigureFile.Check(Day, "feature-maps.svg", figure);
    }

    /// <summary>ReLU(conv(x)) with the trained first-layer parameters: what the 16 filters see in one image.</summary>
    internal static Tensor FirstLayerMaps(SimpleConvNet net, Tensor x)
    {
        var conv = new ConvolutionLayer(net.Parameters[0].Value, net.Parameters[1].Value, stride: 1, pad: 1);
        return new Relu<double>().Forward(conv.Forward(x, training: false), training: false);
    }

    [Fact]
    public void Training_curve()
    {
        var run = Seed1.Value;
        // rounded so that a last-digit difference of another CPU's summation order does not move a pixel
        var loss = run.EpochLoss.Select(v => Math.Round(v, 4)).ToArray();
        var epochs = Enumerable.Range(1, loss.Length).Select(e => (double)e).ToArray();
        var figure = LineChart.Render(
            [new Series("平均訓練損失", epochs, loss), new Series("テスト精度", epochs, run.TestAccuracy)],
            "SimpleConvNet on digits（seed 1, Momentum 0.9, lr 0.05, batch 32）", "epoch", "");
        FigureFile.Check(Day, "training-curve.svg", figure);
    }

    // ---------- diagrams built from the solution's numbers ----------

    [Fact]
    public void Convolution_slides_over_the_5x5_image()
    {
        var x = Tensor.From(Image5, 1, 1, 5, 5);
        var w = Tensor.From(Filter3, 1, 1, 3, 3);
        var y = DirectConv.Forward(x, w, Tensor.Zeros(1), stride: 1, pad: 0);
        y.ToArray().Should().Equal([0, 0, -1, -2, -4, 3, 3, -3, -1]);

        var svg = new Diagram(760, 400, "3×3 filter sliding over a 5×5 image");
        svg.Text(20, 24, "5×5 画像 x に 3×3 フィルタ w（縦エッジ）をストライド 1・パディング 0 で当てる → 出力 3×3");
        svg.Grid(20, 50, 30, 5, 5, Image5, (r, c) => r < 3 && c < 3 ? "#fc9" : "#fff");
        svg.Text(20, 215, "x (5×5)", 12);
        svg.Text(190, 130, "∗", 22);
        svg.Grid(215, 80, 30, 3, 3, Filter3, (_, _) => "#efe");
        svg.Text(215, 185, "w (3×3)", 12);
        svg.Text(320, 130, "=", 22);
        svg.Grid(345, 80, 30, 3, 3, y.ToArray(), (r, c) => r == 0 && c == 0 ? "#fc9" : "#fee");
        svg.Text(345, 185, "y (3×3)", 12);
        var products = string.Join(" + ", Enumerable.Range(0, 9).Select(k => $"{Num(Image5[k / 3 * 5 + k % 3])}·{Signed(Filter3[k])}"));
        svg.Text(460, 90, "左上の窓:", 12);
        svg.Text(460, 110, products[..(products.Length / 2)], 11);
        svg.Text(460, 126, products[(products.Length / 2)..] + $" = {Num(y[0, 0, 0, 0])}", 11);
        svg.Text(460, 150, "各窓の 9 個の積の和が出力 1 画素", 12);

        svg.Text(20, 250, "9 コマ：窓の位置 (i, j) と出力 y[i, j]（直接ループと同じ行優先の順）", 12);
        for (int k = 0; k < 9; k++)
        {
            int i = k / 3, j = k % 3;
            double ox = 20 + k * 75, oy = 262;
            svg.Grid(ox, oy, 12, 5, 5, null, (r, c) => r >= i && r < i + 3 && c >= j && c < j + 3 ? "#fc9" : "#fff");
            svg.Text(ox, oy + 80, $"({i},{j}) → {Num(y[0, 0, i, j])}", 11);
        }
        svg.Text(20, 380, "出力サイズ OH = (H + 2P − FH)/S + 1 = (5 + 0 − 3)/1 + 1 = 3", 12);
        FigureFile.Check(Day, "conv-sliding.svg", svg.Finish());
    }

    [Fact]
    public void Im2col_turns_the_convolution_into_one_matrix_product()
    {
        double[] xv = [1, 2, 0, 3, 5, 1, 0, 2, 4];
        double[] wv = [1, 0, 0, -1];
        var x = Tensor.From(xv, 1, 1, 3, 3);
        var w = Tensor.From(wv, 1, 1, 2, 2);
        var col = Im2Col.Forward(x, 2, 2, stride: 1, pad: 0);                 // (4, 4)
        var y = new ConvolutionLayer(w, Tensor.Zeros(1)).Forward(x);          // (1, 1, 2, 2)
        var counts = Im2Col.Backward(Tensor.Ones(4, 4), [1, 1, 3, 3], 2, 2, 1, 0);
        y.ToArray().Should().Equal(DirectConv.Forward(x, w, Tensor.Zeros(1), 1, 0).ToArray());
        counts.ToArray().Should().Equal([1, 2, 1, 2, 4, 2, 1, 2, 1]);

        var svg = new Diagram(800, 330, "im2col turns convolution into one matrix product");
        svg.Text(20, 24, "im2col: 各出力位置の窓を 1 行に並べる → 畳み込み = 行列積 1 回（x 1×1×3×3、フィルタ 2×2、S = 1、P = 0）");
        svg.Grid(20, 60, 30, 3, 3, xv, (r, c) => r < 2 && c < 2 ? "#fc9" : "#fff");
        svg.Text(20, 170, "x (3×3)", 12);
        svg.Text(125, 110, "→", 22);
        var colColors = new[] { "#fc9", "#eef", "#eef", "#eef" };
        svg.Grid(160, 50, 30, 4, 4, col.ToArray(), (r, _) => colColors[r]);
        svg.Text(160, 190, $"col {col.ShapeString}", 12);
        svg.Text(160, 206, "行 = 出力位置、列 = (c, fy, fx)", 11);
        svg.Text(290, 110, "·", 26);
        svg.Grid(310, 50, 30, 4, 1, wv, (_, _) => "#efe");
        svg.Text(300, 190, "W_matᵀ (4, 1)", 12);
        svg.Text(355, 110, "=", 22);
        svg.Grid(385, 50, 30, 4, 1, y.ToArray(), (r, _) => r == 0 ? "#fc9" : "#fee");
        svg.Text(375, 190, "(4, 1)", 12);
        svg.Text(430, 110, "→", 22);
        svg.Grid(465, 80, 30, 2, 2, y.ToArray(), (r, c) => r == 0 && c == 0 ? "#fc9" : "#fee");
        svg.Text(465, 160, $"y {y.ShapeString}", 12);
        svg.Text(20, 240, "逆伝播 col2im: dcol の各要素を、それをコピーした画素へ足し戻す（重なる画素は和）。", 12);
        svg.Text(20, 258, "col2im(すべて 1) = 各画素が入る窓の数。中央の 5 は 4 つの窓に現れる：", 12);
        svg.Grid(620, 215, 30, 3, 3, counts.ToArray(), (r, c) => r == 1 && c == 1 ? "#fc9" : "#eef");
        svg.Text(20, 300, $"y = col·w = ({string.Join(", ", y.ToArray().Select(Num))})：左上は 1·1 + 2·0 + 3·0 + 5·(−1) = {Num(y[0, 0, 0, 0])}", 12);
        FigureFile.Check(Day, "im2col.svg", svg.Finish());
    }

    [Fact]
    public void Max_and_average_pooling_forward_and_backward()
    {
        double[] xv = [1, 3, 2, 0, 4, 2, 1, 5, 0, 1, 7, 2, 6, 2, 3, 3];
        var x = Tensor.From(xv, 1, 1, 4, 4);
        var max = new MaxPoolingLayer(2, 2, 2);
        var avg = new AvgPoolingLayer(2, 2, 2);
        var ymax = max.Forward(x);
        var yavg = avg.Forward(x);
        var dOut = Tensor.From([1.0, 2, 3, 4], 1, 1, 2, 2);
        var dxMax = max.Backward(dOut);
        var dxAvg = avg.Backward(dOut);
        // the shift demo: move every maximum one pixel inside its window
        var shifted = Tensor.From([3, 1, 0, 2, 2, 4, 5, 1, 1, 0, 2, 7, 2, 6, 3, 3.0], 1, 1, 4, 4);
        var yShift = new MaxPoolingLayer(2, 2, 2).Forward(shifted);
        yShift.ToArray().Should().Equal(ymax.ToArray());

        var svg = new Diagram(880, 370, "max and average pooling, forward and backward");
        svg.Text(20, 24, "2×2 プーリング（ストライド 2）：順伝播（上）と逆伝播 dOut = (1, 2; 3, 4)（下）");
        Func<int, int, string> window = (r, c) => ((r / 2) + (c / 2)) % 2 == 0 ? "#fc9" : "#eef";
        svg.Grid(20, 45, 30, 4, 4, xv, window);
        svg.Text(20, 180, "x (4×4)", 12);
        svg.Grid(170, 60, 30, 2, 2, ymax.ToArray(), (_, _) => "#fee");
        svg.Text(170, 140, "最大", 12);
        svg.Grid(260, 60, 30, 2, 2, yavg.ToArray(), (_, _) => "#fee");
        svg.Text(260, 140, "平均", 12);
        svg.Grid(380, 45, 30, 4, 4, shifted.ToArray(), window);
        svg.Text(380, 180, "最大値を窓の中で 1 画素ずらした x'", 12);
        svg.Grid(530, 60, 30, 2, 2, yShift.ToArray(), (_, _) => "#fee");
        svg.Text(530, 140, "最大（同じ）", 12);
        svg.Grid(20, 200, 30, 4, 4, dxMax.ToArray(), (r, c) => dxMax[0, 0, r, c] != 0 ? "#fc9" : "#fff");
        svg.Text(20, 335, "最大の dx：勝った画素だけ", 12);
        svg.Grid(200, 200, 30, 4, 4, dxAvg.ToArray(), window);
        svg.Text(200, 335, "平均の dx：dOut/4 を全画素へ", 12);
        svg.Text(380, 230, "最大プーリング: y = x_k*（k* は窓の最大の位置）なので", 12);
        svg.Text(380, 248, "∂y/∂x_k = 1（k = k*）, 0（それ以外）。同点は行優先で最初の最大。", 12);
        svg.Text(380, 274, "平均プーリング: y = (1/4)Σx なので各画素へ dOut/4。", 12);
        svg.Text(380, 300, "どちらも学習するパラメータはなく、チャンネルは別々に処理する。", 12);
        FigureFile.Check(Day, "pooling.svg", svg.Finish());
    }

    [Fact]
    public void Batch_normalisation_graph_with_a_worked_batch()
    {
        double[] xv = [1, 3, 2, 6];
        var bn = new BatchNormLayer(1);
        var y = bn.Forward(Tensor.From(xv, 4, 1), training: true);
        var dy = Tensor.From([1.0, 0, 0, 0], 4, 1);
        var dx = bn.Backward(dy);
        double mu = xv.Average(), var2 = xv.Average(v => (v - mu) * (v - mu));
        dx.ToArray().Sum().Should().BeApproximately(0, 1e-12, "Σ dx = 0: shifting the whole batch does not change x̂");

        var svg = new Diagram(900, 330, "batch normalisation computation graph");
        svg.Text(20, 24, "バッチ正規化の計算グラフ（特徴量ごと、m 個の値で統計を取る）");
        svg.Box(20, 110, 90, "x");
        svg.Box(170, 50, 110, "μ = Σx/m");
        svg.Box(170, 170, 110, "x − μ");
        svg.Box(330, 50, 140, "σ² = Σ(x−μ)²/m");
        svg.Box(520, 110, 170, "x̂ = (x−μ)/√(σ²+ε)");
        svg.Box(740, 110, 120, "y = γx̂ + β");
        svg.Arrow(110, 120, 170, 70);
        svg.Arrow(110, 130, 170, 185);
        svg.Arrow(280, 66, 330, 66);
        svg.Arrow(225, 82, 225, 170);
        svg.Arrow(280, 186, 520, 132);
        svg.Arrow(470, 66, 560, 110);
        svg.Arrow(690, 126, 740, 126);
        svg.Text(20, 240, "逆伝播では x が 3 本の経路（直接・μ 経由・σ² 経由）で x̂ に効くので、dx = (1/m)·(1/σ)·(m·dx̂ − Σdx̂ − x̂·Σ(dx̂·x̂))", 12);
        svg.Text(20, 262, $"例（BatchNormLayer, γ = 1, β = 0）：x = ({string.Join(", ", xv.Select(Num))}) → μ = {Num(mu)}, σ² = {Num(var2)}, " +
                          $"y = ({string.Join(", ", y.ToArray().Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))})", 12);
        svg.Text(20, 284, $"dy = (1, 0, 0, 0) → dx = ({string.Join(", ", dx.ToArray().Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))})（和は 0）", 12);
        svg.Text(20, 308, $"推論時は μ, σ² の代わりに移動平均：running_mean = 0.9·0 + 0.1·{Num(mu)} = {Num(bn.RunningMean.ToScalar())}", 12);
        FigureFile.Check(Day, "batchnorm-graph.svg", svg.Finish());
    }

    [Fact]
    public void SimpleConvNet_layers_and_shapes()
    {
        // The same layer sequence as SimpleConvNet, run on one zero image to read every shape off the real layers.
        var rng = new Rng(7);
        ILayer<double>[] layers =
        [
            new ConvolutionLayer(Tensor.Zeros(16, 1, 3, 3), Tensor.Zeros(16), 1, 1), new Relu<double>(), new MaxPoolingLayer(2, 2, 2),
            new Affine<double>(256, 64, rng), new Relu<double>(), new Affine<double>(64, 10, rng),
        ];
        string[] names = ["Conv 3×3 pad1", "ReLU", "MaxPool 2×2", "Affine 256→64", "ReLU", "Affine 64→10"];
        var net = new SimpleConvNet(new Rng(1));
        var counts = net.Parameters.Select(p => p.Value.Length).ToArray();

        var svg = new Diagram(900, 175, "SimpleConvNet layers and shapes");
        svg.Text(20, 24, "SimpleConvNet（8×8 digits）の層と形状（N 枚のバッチ、形状は実際の層の出力）");
        Tensor h = Tensor.Zeros(1, 1, 8, 8);
        svg.Box(20, 50, 100, "入力");
        svg.Text(70, 105, Shape(h), 11, "middle");
        for (int i = 0; i < layers.Length; i++)
        {
            if (h.Rank == 4 && layers[i] is Affine<double>) h = h.Flatten2D();
            h = layers[i].Forward(h, training: false);
            double x0 = 130 + i * 110;
            svg.Box(x0, 50, 100, names[i]);
            svg.Text(x0 + 50, 105, Shape(h), 11, "middle");
            svg.Arrow(x0 - 10, 66, x0, 66);
        }
        svg.Box(790, 50, 100, "Softmax+CE");
        svg.Text(840, 105, "損失", 11, "middle");
        svg.Arrow(780, 66, 790, 66);
        svg.Text(20, 145, $"パラメータ: conv 16·9 + 16 = {N(counts[0] + counts[1])}、affine1 256·64 + 64 = {N(counts[2] + counts[3])}、" +
                          $"affine2 64·10 + 10 = {N(counts[4] + counts[5])}（計 {N(counts.Sum())}）", 12);
        counts.Sum().Should().Be(17_258);
        FigureFile.Check(Day, "simple-convnet.svg", svg.Finish());

        static string Shape(Tensor t) => "(N," + string.Join(",", t.ShapeArray.Skip(1)) + ")";
        static string N(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Signed(double v) => v < 0 ? $"(−{Num(-v)})" : Num(v);

    /// <summary>A hand-assembled SVG: number grids, boxes, arrows and text (sans-serif, invariant numbers).</summary>
    private sealed class Diagram
    {
        private readonly StringBuilder _svg = new();

        public Diagram(int width, int height, string title)
        {
            _svg.Append(CultureInfo.InvariantCulture,
                $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"13\">\n");
            _svg.Append($"<title>{WebUtility.HtmlEncode(title)}</title>\n");
            _svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
            _svg.Append("<defs><marker id=\"a\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#333\"/></marker></defs>\n");
        }

        public void Text(double x, double y, string text, int size = 13, string anchor = "start") =>
            _svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(x)}\" y=\"{F(y)}\"{(size != 13 ? $" font-size=\"{size}\"" : "")}{(anchor != "start" ? $" text-anchor=\"{anchor}\"" : "")}>{WebUtility.HtmlEncode(text)}</text>\n");

        /// <summary>A rows×cols grid of cells of side <paramref name="cell"/>; values (row-major) printed in the cells when given.</summary>
        public void Grid(double x, double y, double cell, int rows, int cols, IReadOnlyList<double>? values, Func<int, int, string> fill)
        {
            for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                double cx = x + c * cell, cy = y + r * cell;
                _svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{F(cx)}\" y=\"{F(cy)}\" width=\"{F(cell)}\" height=\"{F(cell)}\" fill=\"{fill(r, c)}\" stroke=\"#333\"/>\n");
                if (values is not null)
                    _svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{F(cx + cell / 2)}\" y=\"{F(cy + cell / 2 + 5)}\" text-anchor=\"middle\">{Num(values[r * cols + c])}</text>\n");
            }
        }

        public void Box(double x, double y, double width, string label)
        {
            _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"32\" rx=\"6\" fill=\"#eef\" stroke=\"#333\"/>\n");
            Text(x + width / 2, y + 21, label, 13, "middle");
        }

        public void Arrow(double x1, double y1, double x2, double y2) =>
            _svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"#333\" marker-end=\"url(#a)\"/>\n");

        public string Finish() => _svg.Append("</svg>\n").ToString();

        private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    }
}
