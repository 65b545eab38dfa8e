using System.Globalization;
using System.Net;
using System.Text;
using Course.Curriculum.Tests.Figures;
using static Course.Curriculum.Tests.Figures.SvgDiagram;
using Course.Engine;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Course.Notebooks.Plotting;
using Tensor = Course.Engine.Tensor<double>;
using Parameter = Course.Engine.Parameter<double>;

namespace Course.Curriculum.Tests.Day06;

/// <summary>The Day 6 lesson figures, drawn from the engine's recurrent layers (see <see cref="FigureFile"/> and <see cref="Day06Runs"/>).</summary>
public class Day06Figures
{
    private const string Folder = "day06-rnn-basics";

    private static string Vec(IEnumerable<double> v, string format = "0.###") => "(" + string.Join(", ", v.Select(x => N(x, format))) + ")";

    [Fact]
    public void Unrolled_rnn_for_four_steps()
    {
        // shapes from an engine TimeRnn run: N = 2 sequences, T = 4 steps, D = 3 inputs, H = 5 hidden units
        var rnn = new TimeRnn<double>(3, 5, new Rng(1));
        var hs = rnn.Forward(Tensor.Zeros(2, 4, 3));
        long parameters = rnn.Parameters.Sum(p => (long)p.Value.Length);

        var svg = Begin(760, 345, $"a simple RNN unrolled over T = {hs.Dim(1)} steps (the same Wx, Wh, b at every step)", backMarker: true);
        // folded form
        Box(svg, 40, 140, 90, 44, "#e8f0fa", Palette.At(0), "RNN");
        Arrow(svg, 85, 250, 85, 184);
        Text(svg, 85, 268, "x_t");
        Arrow(svg, 85, 140, 85, 80);
        Text(svg, 85, 72, "h_t");
        svg.Append("<path d=\"M130,152 C170,152 170,110 130,118\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        Text(svg, 172, 122, "h_{t-1}", "start", 11);
        Text(svg, 85, 300, "folded", "middle", 12, "#666");
        Text(svg, 192, 170, "=", "middle", 22);
        // unrolled form
        double x0 = 260, dx = 125;
        Text(svg, x0 - 2, 152, "h_0 = 0", "middle", 11);
        for (int t = 0; t < hs.Dim(1); t++)
        {
            double x = x0 + 20 + t * dx;
            Box(svg, x, 140, 90, 44, "#e8f0fa", Palette.At(0), $"tanh cell {t + 1}", 11);
            Arrow(svg, x + 45, 250, x + 45, 184);
            Text(svg, x + 45, 268, $"x_{t + 1}  ({hs.Dim(0)}, {rnn.InputDim})", "middle", 11);
            Arrow(svg, x + 45, 140, x + 45, 80);
            Text(svg, x + 45, 72, $"h_{t + 1}  ({hs.Dim(0)}, {rnn.HiddenDim})", "middle", 11);
            Arrow(svg, x - (t == 0 ? 2 : 35), 162, x, 162);
        }
        Text(svg, x0 + 20 + 2 * dx - 17, 330, $"xs ({hs.Dim(0)}, {hs.Dim(1)}, {rnn.InputDim}) -> hs {hs.ShapeString};  Wx {rnn.Wx.Value.ShapeString}, Wh {rnn.Wh.Value.ShapeString}, b {rnn.B.Value.ShapeString}: {parameters} parameters", "middle", 11, "#444");
        Text(svg, x0 + 20 + 2 * dx - 17, 305, "h_t = tanh(x_t Wxᵀ + h_{t-1} Whᵀ + b)", "middle", 12, "#1f4e79");
        svg.Append("</svg>");

        parameters.Should().Be(3 * 5 + 5 * 5 + 5);
        FigureFile.Check(Folder, "rnn-unrolled.svg", svg.ToString());
    }

    [Fact]
    public void Bptt_gradient_flow_with_the_worked_example()
    {
        var w = Day06Runs.WorkedExample();
        var svg = Begin(760, 380, "BPTT: dh_t = (gradient from the output at t) + (gradient from step t+1)", backMarker: true);
        double[] xs = [90, 330, 570];
        string[] labels = ["h_0 = 0", "h_1", "h_2"];
        for (int i = 0; i < 3; i++)
        {
            Box(svg, xs[i], 150, 110, 44, i == 0 ? "#f4f4f4" : "#e8f0fa", Palette.At(0), labels[i]);
            if (i > 0)
            {
                Arrow(svg, xs[i - 1] + 110, 162, xs[i], 162);
                Text(svg, (xs[i - 1] + 110 + xs[i]) / 2, 152, "· Whᵀ, tanh", "middle", 11);
                Arrow(svg, xs[i] - 2, 184, xs[i - 1] + 112, 184, backward: true);
                Arrow(svg, xs[i] + 55, 290, xs[i] + 55, 196);
                Text(svg, xs[i] + 55, 308, $"x_{i} = {Vec(Day06Runs.ExampleX[i - 1], "0")}", "middle", 11);
            }
        }
        Text(svg, (xs[1] + 110 + xs[2]) / 2, 206, "dh_1 = (dh_2 ⊙ (1 − h_2²)) · Wh", "middle", 11, "#c0392b");
        Text(svg, (xs[0] + 110 + xs[1]) / 2, 206, "(dh_0: not used,", "middle", 11, "#c0392b");
        Text(svg, (xs[0] + 110 + xs[1]) / 2, 220, "the chunk starts here)", "middle", 11, "#c0392b");
        // outputs and their gradients
        Arrow(svg, xs[2] + 55, 150, xs[2] + 55, 90);
        Text(svg, xs[2] + 55, 80, "L = h_2[0] + h_2[1]", "middle", 12);
        Arrow(svg, xs[2] + 75, 92, xs[2] + 75, 148, backward: true);
        Text(svg, xs[2] + 82, 120, "dL/dh_2 = (1, 1)", "start", 11, "#c0392b");
        Text(svg, xs[1] + 55, 80, "(no loss read at t = 1)", "middle", 11, "#666");
        Text(svg, xs[1] + 55, 100, "dOut_1 = (0, 0)", "middle", 11, "#c0392b");
        Text(svg, xs[1] + 55, 138, $"h_1 = {Vec(w.H1)}", "middle", 11);
        Text(svg, xs[2] + 48, 138, $"h_2 = {Vec(w.H2)}", "end", 11);
        Text(svg, 380, 50, $"dh_1 = {Vec(w.Dh1)}   (0 from its own output + this from step 2)", "middle", 12, "#c0392b");
        Text(svg, 380, 340, $"dWh = Σ_t daₜᵀ h_(t−1) = {Vec(w.DWh)} (row-major);  db = Σ_t daₜ = {Vec(w.Db)}", "middle", 11, "#444");
        Text(svg, 380, 360, "daₜ = dhₜ ⊙ (1 − hₜ²); Wx = [[0.5, −0.3], [0.2, 0.4]], Wh = [[0.1, 0.6], [−0.5, 0.3]], b = (0, 0.1)", "middle", 11, "#444");
        svg.Append("</svg>");

        w.Dh1[0].Should().BeApproximately(-0.3421457109, 1e-9);
        FigureFile.Check(Folder, "bptt-flow.svg", svg.ToString());
    }

    public static readonly double[] Scales = [0.5, 0.9, 1.0, 1.1, 1.5];

    private static SvgFigure GradientNormChart(double inputStd, string title)
    {
        double[] k = [.. Enumerable.Range(0, Day06Runs.GradSteps + 1).Select(i => (double)i)];
        var series = Scales.Select(s => new Series($"Wh = {N(s)}·Q", k, [.. Day06Runs.GradientNormByDistance(s, inputStd).Select(Math.Log10)])).ToList();
        return LineChart.Render(series, title, "distance k = T − t (steps back in time)", "log10 ||dL/dh_t||");
    }

    [Fact]
    public void Gradient_norm_vs_distance_linear_regime()
    {
        var figure = GradientNormChart(0.0, "H = 16, Q orthogonal, zero inputs (tanh' = 1): ||dL/dh_t|| = s^k exactly");
        Day06Runs.GradientNormByDistance(0.9, 0.0)[50].Should().BeApproximately(Math.Pow(0.9, 50), 1e-12);
        FigureFile.Check(Folder, "gradient-norm-linear.svg", figure);
    }

    [Fact]
    public void Gradient_norm_vs_distance_with_inputs()
    {
        var figure = GradientNormChart(1.0, "same weights, inputs N(0, 1): tanh' < 1 shrinks every step (seed 7)");
        Day06Runs.GradientNormByDistance(1.5, 1.0)[50].Should().BeLessThan(1e-2, "saturated tanh units stop the explosion");
        FigureFile.Check(Folder, "gradient-norm-tanh.svg", figure);
    }

    [Fact]
    public void Language_model_perplexity_per_epoch()
    {
        var run = Day06Runs.LessonRun;
        var (_, train, test) = Day06Runs.LessonCorpus();
        int v = Day06Runs.Symbols.Length;
        double[] epoch = [.. Enumerable.Range(0, run.TestPerplexity.Length + 1).Select(i => (double)i)];
        double[] ppl = [Math.Exp(run.InitialTestCrossEntropy), .. run.TestPerplexity];
        double uni = Day06Runs.UnigramPerplexity(train, test, v), bi = Day06Runs.BigramPerplexity(train, test, v);
        double floor = Day06LessonNumbersTests.GrammarPerplexityFloor();
        var figure = LineChart.Render(
            [
                new Series("RNN LM (test)", epoch, [.. ppl.Select(Math.Log10)]),
                new Series($"unigram {N(uni, "0.00")}", epoch, [.. epoch.Select(_ => Math.Log10(uni))]),
                new Series($"bigram {N(bi, "0.00")}", epoch, [.. epoch.Select(_ => Math.Log10(bi))]),
                new Series($"grammar floor {N(floor, "0.00")}", epoch, [.. epoch.Select(_ => Math.Log10(floor))]),
            ],
            "char RNN LM, H = 64, T = 20, 16 streams, Adam 5e-3, clip 5, seed 42", "epoch (0 = before training)", "log10 test perplexity");

        ppl[^1].Should().BeLessThan(bi);
        FigureFile.Check(Folder, "lm-perplexity.svg", figure);
    }

    /// <summary>The embedding example: V = 5, d = 3, ids (2, 2) with id 1 twice.</summary>
    public static (Tensor W, int[,] Ids, Tensor Out, Tensor DOut, Tensor DW) EmbeddingExample()
    {
        var w = Tensor.From([.. Enumerable.Range(0, 15).Select(i => (i / 3) + 0.1 * (i % 3 + 1))], 5, 3);
        var emb = new Embedding<double>(w.Clone());
        int[,] ids = { { 1, 3 }, { 4, 1 } };
        var y = emb.Forward(ids);
        var dOut = Tensor.From([1.0, 0, 0, 0, 1, 0, 0, 0, 1, 0.5, 0.5, 0.5], 2, 2, 3);
        emb.Backward(dOut);
        return (w, ids, y, dOut, emb.W.Grad);
    }

    [Fact]
    public void Embedding_lookup_and_scatter_add()
    {
        var (w, ids, y, dOut, dW) = EmbeddingExample();
        var svg = Begin(800, 360, "Embedding: forward = row lookup (one-hot · W), backward = scatter-add into dW", backMarker: true);
        // W table
        Text(svg, 90, 58, "W  (V = 5, d = 3)", "middle", 12);
        for (int r = 0; r < 5; r++)
        {
            bool used = r is 1 or 3 or 4;
            Box(svg, 30, 68 + r * 28, 120, 24, used ? "#e8f0fa" : "#f7f7f7", used ? Palette.At(0) : "#bbb", $"{r}: {Vec(w.Row(r).ToArray(), "0.0")}", 11);
        }
        // ids and outputs
        Text(svg, 290, 58, "ids (N = 2, T = 2)", "middle", 12);
        Text(svg, 290, 80, $"[[{ids[0, 0]}, {ids[0, 1]}], [{ids[1, 0]}, {ids[1, 1]}]]", "middle", 12);
        Text(svg, 290, 112, "forward: out[n, t] = W[ids[n, t]]", "middle", 11, "#1f4e79");
        for (int i = 0; i < 4; i++)
        {
            int n = i / 2, t = i % 2;
            var row = y.Slice(0, n, 1).Slice(1, t, 1).ToArray();
            Box(svg, 215, 124 + i * 28, 165, 24, "#e8f0fa", Palette.At(0), $"out[{n},{t}] = {Vec(row, "0.0")}", 11);
            Arrow(svg, 150, 68 + ids[n, t] * 28 + 12, 215, 124 + i * 28 + 12);
        }
        // backward
        Text(svg, 510, 58, "backward: dW[ids[n, t]] += dOut[n, t]", "middle", 11, "#c0392b");
        for (int i = 0; i < 4; i++)
        {
            int n = i / 2, t = i % 2;
            var row = dOut.Slice(0, n, 1).Slice(1, t, 1).ToArray();
            Box(svg, 420, 72 + i * 28, 170, 24, "#fbe9e7", "#c0392b", $"dOut[{n},{t}] = {Vec(row, "0.0")}", 11);
        }
        Text(svg, 710, 58, "dW (5, 3)", "middle", 12);
        for (int r = 0; r < 5; r++)
        {
            bool used = r is 1 or 3 or 4;
            Box(svg, 645, 68 + r * 28, 130, 24, used ? "#fbe9e7" : "#f7f7f7", used ? "#c0392b" : "#bbb", $"{r}: {Vec(dW.Row(r).ToArray(), "0.0")}", 11);
        }
        for (int i = 0; i < 4; i++)
        {
            int n = i / 2, t = i % 2;
            Arrow(svg, 590, 72 + i * 28 + 12, 645, 68 + ids[n, t] * 28 + 12, backward: true);
        }
        Text(svg, 590, 230, $"id 1 appears twice: dW[1] = dOut[0,0] + dOut[1,1] = {Vec(dW.Row(1).ToArray(), "0.0")}", "middle", 11, "#c0392b");
        Text(svg, 590, 248, "unused ids 0 and 2 get exactly 0", "middle", 11, "#666");
        Text(svg, 400, 300, "NumPy: dW = np.zeros_like(W); np.add.at(dW, ids, dout)   (dW[ids] += dout would keep only the last copy)", "middle", 11, "#444");
        Text(svg, 400, 320, "PyTorch: nn.Embedding(5, 3)(ids) — autograd accumulates repeated ids (index_add)", "middle", 11, "#444");
        svg.Append("</svg>");

        dW.Row(1).ToArray().Should().Equal([1.5, 0.5, 0.5]);
        dW.Row(0).ToArray().Should().Equal([0.0, 0.0, 0.0]);
        FigureFile.Check(Folder, "embedding-scatter-add.svg", svg.ToString());
    }

    [Fact]
    public void Clipping_by_global_norm_keeps_the_direction()
    {
        var p = new Parameter("g", Tensor.From([3.0, 4.0], 2)) { Grad = Tensor.From([3.0, 4.0], 2) };
        double norm = GradientClipping.ClipByGlobalNorm([p], 1.0);
        var clipped = p.Grad.ToArray();
        double[] perElement = [Math.Clamp(3.0, -1, 1), Math.Clamp(4.0, -1, 1)];

        var svg = Begin(560, 400, "clip by global norm (threshold 1) vs clip per element", backMarker: true);
        const double ox = 200, oy = 320, s = 55;
        double X(double v) => ox + v * s;
        double Y(double v) => oy - v * s;
        svg.Append($"<line x1=\"{N(X(0))}\" y1=\"{N(Y(0))}\" x2=\"{N(X(4.6))}\" y2=\"{N(Y(0))}\" stroke=\"#999\"/><line x1=\"{N(X(0))}\" y1=\"{N(Y(0))}\" x2=\"{N(X(0))}\" y2=\"{N(Y(4.8))}\" stroke=\"#999\"/>");
        svg.Append($"<circle cx=\"{N(X(0))}\" cy=\"{N(Y(0))}\" r=\"{N(s)}\" fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"4,3\"/>");
        svg.Append($"<rect x=\"{N(X(0))}\" y=\"{N(Y(1))}\" width=\"{N(s)}\" height=\"{N(s)}\" fill=\"none\" stroke=\"#ddd\"/>");
        Arrow(svg, X(0), Y(0), X(3), Y(4));
        Text(svg, X(3) + 6, Y(4), $"g = (3, 4), ||g|| = {N(norm)}", "start", 12);
        svg.Append($"<line x1=\"{N(X(0))}\" y1=\"{N(Y(0))}\" x2=\"{N(X(clipped[0]))}\" y2=\"{N(Y(clipped[1]))}\" stroke=\"{Palette.At(0)}\" stroke-width=\"3\"/>");
        Text(svg, X(clipped[0]) - 8, Y(clipped[1]) - 6, $"global norm: {Vec(clipped, "0.0")}", "end", 12, Palette.At(0));
        svg.Append($"<line x1=\"{N(X(0))}\" y1=\"{N(Y(0))}\" x2=\"{N(X(perElement[0]))}\" y2=\"{N(Y(perElement[1]))}\" stroke=\"{Palette.At(1)}\" stroke-width=\"3\"/>");
        Text(svg, X(perElement[0]) + 8, Y(perElement[1]) + 14, $"per element: {Vec(perElement, "0")} (direction changes)", "start", 12, Palette.At(1));
        Text(svg, X(1.2), Y(-0.45), "dashed circle: ||g|| = 1", "start", 11, "#666");
        svg.Append("</svg>");

        clipped[0].Should().BeApproximately(0.6, 1e-15);
        FigureFile.Check(Folder, "clipping.svg", svg.ToString());
    }
}
