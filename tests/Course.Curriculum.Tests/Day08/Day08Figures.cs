using System.Globalization;
using System.Text;
using Course.Curriculum.Tests.Figures;
using static Course.Curriculum.Tests.Figures.SvgDiagram;
using Course.Day08;
using Course.Engine;
using Course.Engine.Data;
using Course.Notebooks.Plotting;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day08;

/// <summary>The Day 8 lesson figures, drawn from the reference solutions and the runs of <see cref="Day08Runs"/> (see <see cref="FigureFile"/>).</summary>
public class Day08Figures
{
    private const string Folder = "day08-generative";

    /// <summary>Checks the SVG like every lesson figure; when writing, also rasterises a PNG beside it for viewers
    /// that do not render SVG (the PNG is not compared: Skia's antialiasing may differ between machines).</summary>
    private static void Save(string name, SvgFigure figure) => Save(name, figure.Svg);

    private static void Save(string name, string svg)
    {
        FigureFile.Check(Folder, name, svg);
        var png = Path.Combine(Repo.Root, "curriculum", Folder, "assets", Path.ChangeExtension(name, ".png"));
        if (FigureFile.Writing && SvgRasteriser.ToPng(svg) is { } bytes) File.WriteAllBytes(png, bytes);
        else File.Exists(png).Should().BeTrue($"{name} has a PNG twin; run with COURSE_WRITE_FIGURES=1 to write it");
    }

    private static double Kl1D(double mu, double sigma) =>
        Kl.ToStandardNormal(Tensor.From([mu], 1, 1), Tensor.From([2 * Math.Log(sigma)], 1, 1));

    [Fact]
    public void Kl_to_the_standard_normal_against_sigma()
    {
        double[] sigma = [.. Enumerable.Range(0, 141).Select(i => 0.2 + 0.02 * i)];
        double[] mus = [0.0, 0.5, 1.0];
        var figure = LineChart.Render(
            [.. mus.Select(mu => new Series($"μ = {N(mu)}", sigma, [.. sigma.Select(s => Kl1D(mu, s))]))],
            "KL(N(μ, σ²) ‖ N(0, 1)) in 1-D: minimum ½μ² at σ = 1", "σ", "KL (nats)");

        Kl1D(1, 1).Should().BeApproximately(0.5, 1e-15);
        Kl1D(0.5, 1).Should().BeApproximately(0.125, 1e-15);
        Save("kl-standard-normal.svg", figure);
    }

    [Fact]
    public void Reparameterisation_graph_with_the_worked_example()
    {
        var mu = Tensor.From([0.5], 1, 1);
        var logVar = Tensor.From([Math.Log(0.25)], 1, 1);
        var eps = Tensor.From([1.2], 1, 1);
        var z = Reparameterization.Sample(mu, logVar, eps).ToArray()[0];
        var (dMu, dLogVar) = Reparameterization.Backward(Tensor.From([2.0], 1, 1), logVar, eps);

        var svg = Begin(760, 360, "reparameterisation: z = μ + exp(½ logVar) ⊙ ε, ε ~ N(0, I) is a leaf", backMarker: true);
        Box(svg, 30, 70, 120, 40, "#e8f0fa", Palette.At(0), "encoder(x)");
        Box(svg, 220, 50, 110, 36, "#e8f0fa", Palette.At(0), "μ = 0.5");
        Box(svg, 220, 150, 150, 36, "#e8f0fa", Palette.At(0), "logVar = ln 0.25");
        Box(svg, 420, 150, 110, 36, "#e8f0fa", Palette.At(0), "σ = exp(½·)");
        Box(svg, 420, 240, 110, 36, "#fff4d6", "#b9770e", "ε = 1.2");
        Box(svg, 580, 150, 60, 36, "#e8f0fa", Palette.At(0), "×");
        Box(svg, 580, 50, 60, 36, "#e8f0fa", Palette.At(0), "+");
        Box(svg, 670, 50, 70, 36, "#e8f0fa", Palette.At(0), $"z = {N(z, "0.0")}");
        Arrow(svg, 150, 84, 220, 68);
        Arrow(svg, 150, 100, 220, 166);
        Arrow(svg, 330, 68, 580, 68);
        Arrow(svg, 370, 168, 420, 168);
        Arrow(svg, 530, 168, 580, 168);
        Arrow(svg, 530, 258, 610, 186);
        Arrow(svg, 610, 150, 610, 86);
        Arrow(svg, 640, 68, 670, 68);
        Text(svg, 475, 300, "random, no gradient needed", "middle", 11, "#b9770e");
        Text(svg, 475, 140, "σ = 0.5", "middle", 11);
        // gradients
        Text(svg, 705, 110, "dL/dz = 2", "middle", 11, "#c0392b");
        Arrow(svg, 580, 78, 330, 78, backward: true);
        Text(svg, 455, 96, $"dL/dμ = dL/dz = {N(dMu.ToArray()[0])}", "middle", 11, "#c0392b");
        Arrow(svg, 420, 180, 370, 180, backward: true);
        Text(svg, 250, 215, $"dL/dlogVar = dL/dz · ε · ½σ = 2 · 1.2 · 0.25 = {N(dLogVar.ToArray()[0])}", "start", 11, "#c0392b");
        Text(svg, 380, 335, "PyTorch: z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)", "middle", 11, "#444");
        svg.Append("</svg>");

        z.Should().BeApproximately(1.1, 1e-15);
        dLogVar.ToArray()[0].Should().BeApproximately(0.6, 1e-15);
        Save("reparameterisation.svg", svg.ToString());
    }

    [Fact]
    public void Autoencoder_reconstructions_of_test_digits()
    {
        var run = Day08Runs.Ae.Value;
        var (_, test) = Day08Runs.Data.Value;
        var x = test.X.Slice(0, 0, 10).Clone();
        var rec = run.Model.Reconstruct(x);
        var figure = ImageGrid.Render([.. x.ToArray(), .. rec.ToArray()], 20, 8, 8, 10,
            $"autoencoder, {Day08Runs.AeEpochs} epochs: test digits (top), reconstructions (bottom)",
            [.. test.Y.Take(10).Select(y => $"{y}"), .. Enumerable.Repeat("rec", 10)]);

        run.TestMse[^1].Should().BeLessThan(run.MeanImageMse / 3);
        Save("ae-reconstructions.svg", figure);
    }

    [Fact]
    public void Generator_gradients_saturating_vs_non_saturating()
    {
        double[] d = [.. Enumerable.Range(0, 121).Select(i => 1 / (1 + Math.Exp(-(-9 + 0.15 * i))))];
        double NonSaturating(double p) => GanLoss.GeneratorGradient(Tensor.From([Math.Log(p / (1 - p))], 1, 1)).ToArray()[0];
        // the saturating loss ln(1 − σ(ℓ)) = −softplus(ℓ) has gradient −σ(ℓ) = −D
        var figure = LineChart.Render(
            [
                new Series("−ln D (non-saturating)", d, [.. d.Select(p => Math.Log10(Math.Abs(NonSaturating(p))))]),
                new Series("ln(1 − D) (saturating)", d, [.. d.Select(p => Math.Log10(p))]),
            ],
            "generator gradient per fake sample vs D(G(z))", "D(G(z))", "log10 |dL_G / dlogit|");

        NonSaturating(1 / (1 + Math.Exp(10))).Should().BeApproximately(-0.9999546021, 1e-9);
        Save("gan-generator-gradients.svg", figure);
    }

    [Fact]
    public void Vae_latent_means_of_the_test_digits()
    {
        var (_, test) = Day08Runs.Data.Value;
        var (mu, _) = Day08Runs.Vae2.Value.Model.Encode(test.X);
        var figure = ScatterChart.Render([.. Enumerable.Range(0, mu.Dim(0)).Select(i => mu[i, 0])], [.. Enumerable.Range(0, mu.Dim(0)).Select(i => mu[i, 1])],
            test.Y, $"2-D VAE, {Day08Runs.VaeEpochs} epochs: μ of {test.Count} test digits by digit", "μ₁", "μ₂");

        test.Count.Should().Be(360);
        Save("vae-latent-scatter.svg", figure);
    }

    [Fact]
    public void Vae_decoded_latent_grid()
    {
        var images = Day08Runs.LatentGrid(Day08Runs.Vae2.Value.Model);
        var figure = ImageGrid.Render(images.ToArray(), 81, 8, 8, 9, "2-D VAE decoder on a 9 × 9 grid: z₁ −2 → 2 (left to right), z₂ 2 → −2 (top to bottom)");

        images.Dim(0).Should().Be(81);
        Save("vae-latent-grid.svg", figure);
    }

    [Fact]
    public void Gan1d_generator_histograms_over_training()
    {
        var run = Day08Runs.Gan1DSeeds.Value[0];
        const double lo = 0, hi = 9;
        const int bins = 60;
        double[] centres = [.. Enumerable.Range(0, bins).Select(b => lo + (b + 0.5) * (hi - lo) / bins)];
        int[] steps = [500, 1000, 3000];
        var series = steps.Select(s => run.Single(r => r.Step == s))
            .Select(r => new Series($"step {r.Step:N0} (std {N(r.Std, "0.00")})", centres, Day08Runs.Histogram(r.Samples, lo, hi, bins))).ToList();
        series.Add(new Series("target", centres,
            [.. centres.Select(x => Math.Exp(-0.5 * Math.Pow((x - Gaussian1D.Mean) / Gaussian1D.Std, 2)) / (Gaussian1D.Std * Math.Sqrt(2 * Math.PI)))]));
        var figure = LineChart.Render(series, "1-D GAN (seed 1): density of 10,000 generator samples", "x", "density");

        run[^1].Std.Should().BeInRange(1.1, 1.4);
        Save("gan1d-histograms.svg", figure);
    }

    [Fact]
    public void Ring8_balanced_vs_generator_dominated()
    {
        int[] steps = [500, 1500, 3000];
        const double panel = 200, range = 2.8;
        var svg = Begin(60 + 3 * (int)panel + 2 * 20, 90 + 2 * ((int)panel + 40), "Ring8 GAN (seed 1): 500 of 2,000 samples; circles: modes 0–7, radius 0.2 (a hit)", backMarker: true);
        var rows = new[] { ("balanced: 1 G step per D step", Day08Runs.RingBalanced.Value), ("G-dominated: 3 G steps per D step", Day08Runs.RingCollapsed.Value) };
        for (int r = 0; r < rows.Length; r++)
        {
            var (name, run) = rows[r];
            double top = 60 + r * (panel + 40);
            Text(svg, 30, top - 8, name, "start", 13, Palette.At(r));
            for (int c = 0; c < steps.Length; c++)
            {
                var snap = run.Single(s => s.Step == steps[c]);
                double left = 30 + c * (panel + 20);
                double X(double v) => left + (v + range) / (2 * range) * panel;
                double Y(double v) => top + (range - v) / (2 * range) * panel;
                svg.Append($"<rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(panel)}\" height=\"{N(panel)}\" fill=\"none\" stroke=\"#bbb\"/>");
                for (int m = 0; m < Ring8.Modes; m++)
                {
                    var (cx, cy) = Ring8.Centre(m);
                    svg.Append($"<circle cx=\"{N(X(cx))}\" cy=\"{N(Y(cy))}\" r=\"{N(Day08Runs.RingHitRadius / (2 * range) * panel)}\" fill=\"#eee\" stroke=\"#999\"/>");
                    Text(svg, X(1.22 * cx), Y(1.22 * cy) + 4, $"{m}", "middle", 10, "#888");
                }
                for (int i = 0; i < 500; i++)
                {
                    double a = Math.Clamp(snap.Samples[i, 0], -range, range), b = Math.Clamp(snap.Samples[i, 1], -range, range);
                    svg.Append($"<circle cx=\"{N(X(a))}\" cy=\"{N(Y(b))}\" r=\"1.5\" fill=\"{Palette.At(r)}\" fill-opacity=\"0.5\"/>");
                }
                Text(svg, left + panel / 2, top + panel + 16, $"step {snap.Step:N0}: {snap.ModesCovered} modes, {N(100 * snap.HitShare, "0.0")}% hit", "middle", 11);
            }
        }
        svg.Append("</svg>");

        Day08Runs.RingBalanced.Value[^1].ModesCovered.Should().Be(8);
        Day08Runs.RingCollapsed.Value.Should().OnlyContain(s => s.ModesCovered <= 2);
        Save("ring8-mode-collapse.svg", svg.ToString());
    }

    [Fact]
    public void Transposed_convolution_stamps_the_kernel()
    {
        var (x, w, y) = Day08Runs.TransposedExample();
        var svg = Begin(760, 330, "transposed conv (K = 3, S = 2, P = 1): each pixel stamps x·W, overlaps add, P is cut", backMarker: true);
        const double cell = 34;
        void Grid(double left, double top, int rows, int cols, Func<int, int, string> label, Func<int, int, string> fill)
        {
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    Box(svg, left + j * cell, top + i * cell, cell, cell, fill(i, j), "#666", label(i, j), 12);
        }
        string[] stampColours = ["#fde2e2", "#e2f0fd", "#e4f7e2", "#fff4d6"];
        Text(svg, 80, 70, "x (2 × 2)", "middle", 12);
        Grid(46, 84, 2, 2, (i, j) => N(x[0, 0, i, j]), (i, j) => stampColours[i * 2 + j]);
        Text(svg, 80, 180, "W (3 × 3) = ones", "middle", 12);
        Grid(29, 194, 3, 3, (_, _) => N(w[0, 0, 0, 0]), (_, _) => "#f4f4f4");
        Arrow(svg, 140, 150, 200, 150);
        // the full (uncropped) 5 × 5 canvas: input (i, j) stamps rows 2i..2i+2, cols 2j..2j+2
        int full = (2 - 1) * 2 + 3;
        var canvas = new double[full, full];
        var owners = new int[full, full];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                for (int a = 0; a < 3; a++)
                    for (int b = 0; b < 3; b++)
                    {
                        canvas[2 * i + a, 2 * j + b] += x[0, 0, i, j];
                        owners[2 * i + a, 2 * j + b] = owners[2 * i + a, 2 * j + b] == 0 ? i * 2 + j + 1 : -1;
                    }
        Text(svg, 300, 70, $"sum of stamps ({full} × {full}), stride 2", "middle", 12);
        Grid(215, 84, full, full, (i, j) => N(canvas[i, j]), (i, j) => owners[i, j] switch { -1 => "#e0e0e0", var o => stampColours[o - 1] });
        svg.Append($"<rect x=\"{N(215 + cell)}\" y=\"{N(84 + cell)}\" width=\"{N(3 * cell)}\" height=\"{N(3 * cell)}\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"3\"/>");
        Text(svg, 300, 270, "grey: 2 or 4 stamps overlap; red: kept after cutting P = 1", "middle", 11, "#666");
        Arrow(svg, 400, 150, 470, 150);
        int h = new TransposedConv2d(w.Clone(), null, 2, 1).OutputSize(2);
        Text(svg, 560, 70, $"y ({h} × {h}) from TransposedConv2d", "middle", 12);
        Grid(509, 84, h, h, (i, j) => N(y[0, 0, i, j]), (i, j) => owners[i + 1, j + 1] switch { -1 => "#e0e0e0", var o => stampColours[o - 1] });
        Text(svg, 560, 210, "H_out = (H − 1)·S − 2P + K", "middle", 12, "#1f4e79");
        Text(svg, 560, 228, $"= (2 − 1)·2 − 2 + 3 = {h}", "middle", 12, "#1f4e79");
        Text(svg, 380, 305, "PyTorch: nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, bias=False)", "middle", 11, "#444");
        svg.Append("</svg>");

        y.ToArray().Should().Equal([1.0, 3, 2, 4, 10, 6, 3, 7, 4]);
        for (int i = 0; i < h; i++)
            for (int j = 0; j < h; j++)
                canvas[i + 1, j + 1].Should().Be(y[0, 0, i, j], "the cropped canvas is the layer's output");
        Save("transposed-conv.svg", svg.ToString());
    }
}
