using System.Globalization;
using System.Text;
using Course.Curriculum.Tests.Figures;
using Course.Day01;
using Course.Engine;
using Course.Notebooks.Plotting;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day01;

/// <summary>
/// The Day 1 lesson figures that carry numbers, drawn from the reference solutions (and the engine's Tanh and
/// LeakyRelu layers for the two activations the exercises do not implement) and compared with curriculum/day01-mlp-backprop/assets.
/// </summary>
public sealed class Day01Figures
{
    private const string Day = "day01-mlp-backprop";

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture).Replace("-", "−");

    /// <summary>x from −<paramref name="range"/> to +<paramref name="range"/> in steps of 0.05 (0 is a grid point).</summary>
    private static double[] Grid(double range) =>
        Enumerable.Range(0, (int)Math.Round(2 * range / 0.05) + 1).Select(i => Math.Round(-range + 0.05 * i, 10)).ToArray();

    private static double[] Apply(Func<Tensor, Tensor> f, double[] xs) => f(Tensor.From(xs)).ToArray();

    /// <summary>dy/dx of an activation layer: Forward(x), then Backward(1) gives the local derivative at every x.</summary>
    private static double[] Derivative(ILayer<double> layer, double[] xs)
    {
        layer.Forward(Tensor.From(xs));
        return layer.Backward(Tensor.Ones(xs.Length)).ToArray();
    }

    [Fact]
    public void Activation_functions_from_the_solutions_and_the_engine()
    {
        var xs = Grid(3);
        var leaky = new Course.Engine.Layers.LeakyRelu<double>(0.1);
        var figure = LineChart.Render(
        [
            new Series("step", xs, Apply(Activations.Step, xs)),
            new Series("sigmoid", xs, Apply(Activations.Sigmoid, xs)),
            new Series("tanh", xs, Apply(Ops.Tanh, xs)),
            new Series("ReLU", xs, Apply(Activations.Relu, xs)),
            new Series("Leaky ReLU (α = 0.1)", xs, leaky.Forward(Tensor.From(xs)).ToArray()),
        ], "activation functions h(x)", "x", "h(x)");
        FigureFile.Check(Day, "activations.svg", figure);
    }

    [Fact]
    public void Activation_derivatives_are_what_each_layer_backward_returns_for_dOut_1()
    {
        var xs = Grid(4);
        var figure = LineChart.Render(
        [
            new Series("step′", xs, xs.Select(_ => 0.0).ToArray()),
            new Series("sigmoid′", xs, Derivative(new SigmoidLayer(), xs)),
            new Series("tanh′", xs, Derivative(new Course.Engine.Layers.Tanh<double>(), xs)),
            new Series("Leaky ReLU′ α=0.1", xs, Derivative(new Course.Engine.Layers.LeakyRelu<double>(0.1), xs)),
            new Series("ReLU′", xs, Derivative(new ReluLayer(), xs)),
        ], "derivatives h′(x) = Backward(dOut = 1)", "x", "h′(x)");
        FigureFile.Check(Day, "activation-derivatives.svg", figure);
    }

    [Fact]
    public void Computational_graph_carries_the_values_of_the_solution_layers()
    {
        var g = Day01Runs.Graph();
        const int width = 1100, height = 300, boxW = 64, boxH = 80, top = 130;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append("<defs><marker id=\"f\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#234\"/></marker>");
        svg.Append("<marker id=\"r\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#b00\"/></marker></defs>");
        svg.Append("<text x=\"12\" y=\"22\" font-size=\"14\">y = σ(w·x + b), L = −ln y (t = 1): forward values in black (solid arrows), backward ∂L/∂· in red (dashed arrows)</text>");
        svg.Append($"<text x=\"12\" y=\"42\" fill=\"#555\">× sends upstream · (the other input); + sends upstream unchanged to both inputs; σ multiplies by y(1 − y) = {F(g.Y * (1 - g.Y), 4)}; −ln multiplies by −1/y</text>");

        void Box(double cx, double cy, double w, double h, string label, string fill)
        {
            svg.Append($"<rect x=\"{N(cx - w / 2)}\" y=\"{N(cy - h / 2)}\" width=\"{N(w)}\" height=\"{N(h)}\" rx=\"10\" fill=\"{fill}\" stroke=\"#335\"/>");
            svg.Append($"<text x=\"{N(cx)}\" y=\"{N(cy + 5)}\" text-anchor=\"middle\" font-size=\"15\">{label}</text>");
        }
        // A horizontal edge (labels: "split" = forward above, backward below; "above"/"below" = both on one side) or a
        // vertical edge from below (forward left, backward right).
        void Edge(double x1, double y1, double x2, double y2, string forward, string backward, string labels = "split")
        {
            bool vertical = Math.Abs(x1 - x2) < 1;
            double ox = vertical ? 6 : 0, oy = vertical ? 0 : 5;
            svg.Append($"<line x1=\"{N(x1 - ox)}\" y1=\"{N(y1 - oy)}\" x2=\"{N(x2 - ox)}\" y2=\"{N(y2 - oy)}\" stroke=\"#234\" stroke-width=\"1.6\" marker-end=\"url(#f)\"/>");
            svg.Append($"<line x1=\"{N(x2 + ox)}\" y1=\"{N(y2 + oy)}\" x2=\"{N(x1 + ox)}\" y2=\"{N(y1 + oy)}\" stroke=\"#b00\" stroke-width=\"1.4\" stroke-dasharray=\"5,3\" marker-end=\"url(#r)\"/>");
            double mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
            (double fx, double fy, double bx, double by, string fa, string ba) = vertical
                ? (mx - 14, my + 4, mx + 14, my + 4, "end", "start")
                : labels switch
                {
                    "above" => (mx, my - 26, mx, my - 11, "middle", "middle"),
                    "below" => (mx, my + 21, mx, my + 36, "middle", "middle"),
                    _ => (mx, my - 11, mx, my + 21, "middle", "middle"),
                };
            svg.Append($"<text x=\"{N(fx)}\" y=\"{N(fy)}\" text-anchor=\"{fa}\" fill=\"#234\">{forward}</text>");
            svg.Append($"<text x=\"{N(bx)}\" y=\"{N(by)}\" text-anchor=\"{ba}\" fill=\"#b00\">{backward}</text>");
        }

        const double inW = 70, inH = 34, inX = 60;
        Box(inX, top - 25, inW, inH, "x", "#f4f4f4");
        Box(inX, top + 25, inW, inH, "w", "#f4f4f4");
        Box(470, 262, inW, inH, "b", "#f4f4f4");
        foreach (var (label, cx) in new[] { ("×", 270.0), ("+", 470.0), ("σ", 670.0), ("−ln", 870.0) }) Box(cx, top, boxW, boxH, label, "#eef4ff");
        Box(1040, top, inW, boxH, "L", "#fff6e6");

        Edge(inX + inW / 2, top - 25, 270 - boxW / 2.0, top - 25, $"x = {F(g.X, 0)}", $"∂L/∂x = {F(g.DLdX, 4)}", "above");
        Edge(inX + inW / 2, top + 25, 270 - boxW / 2.0, top + 25, $"w = {F(g.W, 0)}", $"∂L/∂w = {F(g.DLdW, 4)}", "below");
        Edge(270 + boxW / 2.0, top, 470 - boxW / 2.0, top, $"u = w·x = {F(g.U, 0)}", $"∂L/∂u = {F(g.DLdU, 4)}");
        Edge(470, 262 - inH / 2, 470, top + boxH / 2.0, $"b = {F(g.B, 0)}", $"∂L/∂b = {F(g.DLdB, 4)}");
        Edge(470 + boxW / 2.0, top, 670 - boxW / 2.0, top, $"a = u + b = {F(g.A, 0)}", $"∂L/∂a = {F(g.DLdA, 4)}");
        Edge(670 + boxW / 2.0, top, 870 - boxW / 2.0, top, $"y = σ(a) = {F(g.Y, 4)}", $"∂L/∂y = {F(g.DLdY, 4)}");
        Edge(870 + boxW / 2.0, top, 1040 - inW / 2, top, $"L = {F(g.L, 4)}", "∂L/∂L = 1");
        svg.Append("</svg>");
        FigureFile.Check(Day, "graph-numbers.svg", svg.ToString());
    }

    [Fact]
    public void Xor_decision_boundary_before_and_after_training()
    {
        var (before, after, accuracyBefore, history, data) = Day01Runs.Xor();
        const int panel = 300, cells = 40, gap = 60, left = 56, top = 44;
        const double lo = -0.5, hi = 1.5;
        var svg = new StringBuilder();
        int width = left * 2 + panel * 2 + gap, height = top + panel + 40;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        string[] region = ["#dbe6f1", "#fde3cc"];
        void Panel(TwoLayerNet net, int x0, string title)
        {
            svg.Append($"<text x=\"{x0 + panel / 2}\" y=\"{top - 14}\" text-anchor=\"middle\" font-size=\"14\">{ChartFrame.Escape(title)}</text>");
            var grid = Tensor.Zeros(cells * cells, 2);
            for (int r = 0; r < cells; r++)
                for (int c = 0; c < cells; c++)
                {
                    grid[r * cells + c, 0] = lo + (hi - lo) * (c + 0.5) / cells;
                    grid[r * cells + c, 1] = hi - (hi - lo) * (r + 0.5) / cells;
                }
            int[] cls = net.Predict(grid).ArgMax(axis: 1);
            double cell = (double)panel / cells;
            for (int r = 0; r < cells; r++)
                for (int c = 0; c < cells; c++)
                    svg.Append($"<rect x=\"{N(x0 + c * cell)}\" y=\"{N(top + r * cell)}\" width=\"{N(cell + 0.3)}\" height=\"{N(cell + 0.3)}\" fill=\"{region[cls[r * cells + c]]}\"/>");
            for (int i = 0; i < data.Count; i++)
            {
                double px = x0 + (data.X[i, 0] - lo) / (hi - lo) * panel, py = top + (hi - data.X[i, 1]) / (hi - lo) * panel;
                svg.Append($"<circle cx=\"{N(px)}\" cy=\"{N(py)}\" r=\"2.2\" fill=\"{Palette.At(data.Y[i])}\"/>");
            }
            svg.Append($"<rect x=\"{x0}\" y=\"{top}\" width=\"{panel}\" height=\"{panel}\" fill=\"none\" stroke=\"#888\"/>");
            foreach (var v in new[] { 0.0, 1.0 })
            {
                double px = x0 + (v - lo) / (hi - lo) * panel, py = top + (hi - v) / (hi - lo) * panel;
                svg.Append($"<text x=\"{N(px)}\" y=\"{top + panel + 16}\" text-anchor=\"middle\">x1 = {N(v)}</text>");
                svg.Append($"<line x1=\"{N(px)}\" y1=\"{top + panel}\" x2=\"{N(px)}\" y2=\"{top + panel + 4}\" stroke=\"#888\"/>");
                svg.Append($"<line x1=\"{x0 - 4}\" y1=\"{N(py)}\" x2=\"{x0}\" y2=\"{N(py)}\" stroke=\"#888\"/>");
                svg.Append($"<text x=\"{x0 - 6}\" y=\"{N(py + 4)}\" text-anchor=\"end\">x2 = {N(v)}</text>");
            }
        }
        Panel(before, left, $"before training: accuracy {accuracyBefore.ToString("P1", CultureInfo.InvariantCulture)}");
        Panel(after, left + panel + gap, $"after 200 epochs: accuracy {history.TrainAccuracy[^1].ToString("P1", CultureInfo.InvariantCulture)}");
        svg.Append($"<text x=\"{width / 2}\" y=\"{height - 8}\" text-anchor=\"middle\" fill=\"#555\">2-8-2 net, Rng(7), batch 32, η = 0.5; blue = class 0 (same inputs), orange = class 1 (XOR = 1)</text>");
        svg.Append("</svg>");
        FigureFile.Check(Day, "xor-boundary.svg", svg.ToString());
    }

    [Fact]
    public void Digits_training_curves_of_the_notebook_run()
    {
        var (_, history) = Day01Runs.Digits64();
        double[] epochs = Enumerable.Range(1, history.Loss.Count).Select(e => (double)e).ToArray();
        var figure = LineChart.Render(
        [
            new Series("training loss", epochs, [.. history.Loss]),
            new Series("train accuracy", epochs, [.. history.TrainAccuracy]),
            new Series("test accuracy", epochs, [.. history.TestAccuracy]),
        ], "64-50-10 on 8×8 digits: Rng(2026), batch 32, η = 0.5", "epoch", "loss / accuracy");
        FigureFile.Check(Day, "digits-training.svg", figure);
    }
}
