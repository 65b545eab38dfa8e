using System.Globalization;
using System.Text;
using Course.Curriculum.Tests.Figures;
using Course.Engine;
using Course.Engine.Data;
using Course.Notebooks.Plotting;
using D3 = Course.Day03;

namespace Course.Curriculum.Tests.Day03;

/// <summary>
/// The four figures of the Day-3 lesson, drawn from the reference solutions (optimisers, schedules, comparison) so a
/// figure cannot drift from the code learners are graded against. Regenerate with COURSE_WRITE_FIGURES=1.
/// </summary>
public sealed class Day03Figures
{
    private const string Day = "day03-optimisation";

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The paths of the book's figures 6-3…6-7: 30 updates from (−7, 2) on the contours of f = x²/20 + y².</summary>
    [Fact]
    public void Optimiser_paths_on_the_contours_of_the_quadratic()
    {
        var runs = new (string Name, Func<IOptimizer<double>> Create)[]
        {
            ("SGD (eta 0.95)", () => new D3.Sgd(0.95)),
            ("Momentum (eta 0.1)", () => new D3.Momentum(0.1)),
            ("AdaGrad (eta 1.5)", () => new D3.AdaGrad(1.5)),
            ("Adam (eta 0.3)", () => new D3.Adam(0.3)),
        };
        const int panelW = 300, panelH = 190, left = 10, top = 30;
        const double xMin = -8, xMax = 8, yMin = -2.5, yMax = 2.5;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{2 * panelW + 2 * left}\" height=\"{2 * panelH + top + 10}\" viewBox=\"0 0 {2 * panelW + 2 * left} {2 * panelH + top + 10}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append($"<text x=\"{panelW + left}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">f(x, y) = x²/20 + y², 30 updates from (−7, 2)</text>");
        for (int k = 0; k < runs.Length; k++)
        {
            double ox = left + (k % 2) * panelW, oy = top + (k / 2) * panelH;
            const double innerW = panelW - 20, innerH = panelH - 30;
            string Px(double x) => N(ox + 10 + (x - xMin) / (xMax - xMin) * innerW);
            string Py(double y) => N(oy + 20 + (yMax - y) / (yMax - yMin) * innerH);
            svg.Append($"<rect x=\"{N(ox + 10)}\" y=\"{N(oy + 20)}\" width=\"{N(innerW)}\" height=\"{N(innerH)}\" fill=\"none\" stroke=\"#888\"/>");
            svg.Append($"<text x=\"{N(ox + 10 + innerW / 2)}\" y=\"{N(oy + 14)}\" text-anchor=\"middle\" font-size=\"12\">{runs[k].Name}</text>");
            foreach (double c in new[] { 0.1, 0.5, 1.5, 3.0, 6.45 })
            {
                var ring = new StringBuilder();
                for (int i = 0; i <= 120; i++)
                {
                    double s = 2 * Math.PI * i / 120, x = Math.Sqrt(20 * c) * Math.Cos(s), y = Math.Sqrt(c) * Math.Sin(s);
                    if (Math.Abs(x) > xMax || Math.Abs(y) > yMax) continue;
                    ring.Append(ring.Length == 0 ? "M" : " L").Append(Px(x)).Append(' ').Append(Py(y));
                }
                svg.Append($"<path d=\"{ring}\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"1\"/>");
            }
            svg.Append($"<line x1=\"{Px(-0.25)}\" y1=\"{Py(0)}\" x2=\"{Px(0.25)}\" y2=\"{Py(0)}\" stroke=\"#444\"/><line x1=\"{Px(0)}\" y1=\"{Py(-0.12)}\" x2=\"{Px(0)}\" y2=\"{Py(0.12)}\" stroke=\"#444\"/>");
            var path = D3.Trajectory.Run(runs[k].Create(), (-7, 2), 30);
            var d = string.Join(" L", path.Select(p => Px(p.X) + " " + Py(p.Y)));
            svg.Append($"<path d=\"M{d}\" fill=\"none\" stroke=\"{Palette.At(k)}\" stroke-width=\"1.6\"/>");
            foreach (var p in path)
                svg.Append($"<circle cx=\"{Px(p.X)}\" cy=\"{Py(p.Y)}\" r=\"2\" fill=\"{Palette.At(k)}\"/>");
            var end = path[^1];
            svg.Append($"<text x=\"{N(ox + 16)}\" y=\"{N(oy + panelH - 14)}\">f(end) = {D3.Trajectory.F(end.X, end.Y).ToString("0.####", CultureInfo.InvariantCulture)}</text>");
        }
        svg.Append("</svg>");
        FigureFile.Check(Day, "optimiser-paths.svg", svg.ToString());
    }

    /// <summary>Mean training loss per epoch on digits: 64-100-10 ReLU net, He init, batch 32, seed 1, 10 epochs.</summary>
    [Fact]
    public void Loss_curves_of_the_optimisers_on_digits()
    {
        var (train, _) = Digits.Load();
        var optimisers = new Dictionary<string, Func<IOptimizer<double>>>
        {
            ["SGD 0.01"] = () => new D3.Sgd(0.01),
            ["Momentum 0.01"] = () => new D3.Momentum(0.01),
            ["AdaGrad 0.01"] = () => new D3.AdaGrad(0.01),
            ["Adam 0.001"] = () => new D3.Adam(0.001),
        };
        var curves = D3.OptimizerComparison.Run(train, optimisers, epochs: 10, batchSize: 32, new Rng(1));
        // the lesson quotes epoch 10 of this run
        string.Join(" ", curves.Values.Select(c => c[9].ToString("F3", CultureInfo.InvariantCulture))).Should().Be("1.006 0.154 0.181 0.168", "SGD, Momentum, AdaGrad, Adam at epoch 10");
        double[] epochs = Enumerable.Range(1, 10).Select(e => (double)e).ToArray();
        var series = curves.Select(kv => new Series(kv.Key, epochs, kv.Value)).ToList();
        var figure = LineChart.Render(series, "digits, seed 1: mean training loss per epoch", "epoch", "loss");
        FigureFile.Check(Day, "loss-curves.svg", figure);
    }

    /// <summary>Step decay, cosine annealing and linear warm-up + cosine, as the solutions' schedules compute them.</summary>
    [Fact]
    public void Learning_rate_schedules()
    {
        var cosine = new D3.CosineAnnealing(0.1, 0.001, 100);
        var schedules = new (string Name, ILrSchedule Schedule)[]
        {
            ("step decay (30, 0.5)", new D3.StepDecay(0.1, 30, 0.5)),
            ("cosine (T = 100)", cosine),
            ("warm-up 10 + cosine", new D3.LinearWarmup(cosine, 10)),
        };
        double[] t = Enumerable.Range(0, 121).Select(i => (double)i).ToArray();
        var series = schedules.Select(s => new Series(s.Name, t, t.Select(x => s.Schedule.At((int)x)).ToArray())).ToList();
        FigureFile.Check(Day, "lr-schedules.svg", LineChart.Render(series, "learning rate per step", "step t", "learning rate"));
    }

    /// <summary>
    /// With a constant gradient, the step of Adam without bias correction divided by the step of the solutions' Adam:
    /// (1 − β₁ᵗ)/√(1 − β₂ᵗ) — 3.16 at t = 1, 4.25 at t = 2, peak 6.57 at t = 12, still above 1 at t = 1,000.
    /// </summary>
    [Fact]
    public void Adam_bias_correction_factor()
    {
        double[] t = Enumerable.Range(1, 300).Select(i => (double)i).ToArray();
        var ratio = UncorrectedOverCorrected(300);
        var series = new List<Series>
        {
            new("no correction / Adam", t, ratio),
            new("1 - beta1^t", t, t.Select(s => 1 - Math.Pow(0.9, s)).ToArray()),
            new("sqrt(1 - beta2^t)", t, t.Select(s => Math.Sqrt(1 - Math.Pow(0.999, s))).ToArray()),
        };
        FigureFile.Check(Day, "adam-bias-correction.svg",
            LineChart.Render(series, "Adam with a constant gradient: effect of bias correction", "step t", "factor"));
    }

    /// <summary>Step sizes |Δθ| of the solutions' Adam and of the same update without m̂, v̂ on g = 0.5 every step.</summary>
    internal static double[] UncorrectedOverCorrected(int steps)
    {
        const double lr = 1e-3, g = 0.5, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        var adam = new D3.Adam(lr, b1, b2, eps);
        var p = new Parameter<double>("w", Tensor<double>.From([0.0], 1));
        double m = 0, v = 0;
        var ratio = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            p.Grad = Tensor<double>.From([g], 1);
            double before = p.Value[0];
            adam.Step([p]);
            double corrected = Math.Abs(p.Value[0] - before);
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double uncorrected = lr * m / (Math.Sqrt(v) + eps);
            ratio[t] = uncorrected / corrected;
        }
        return ratio;
    }
}
