using System.Globalization;
using Course.Day08;
using Course.Engine;
using Course.Engine.Layers;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day08;

/// <summary>The numbers the Day 8 lesson quotes, recomputed from the reference solutions and the runs of
/// <see cref="Day08Runs"/>, and checked to appear in lesson.md as written, so the text cannot drift from the code.</summary>
public class Day08LessonNumbersTests
{
    private static readonly string Lesson = File.ReadAllText(Path.Combine(Repo.Root, "curriculum", "day08-generative", "lesson.md"));

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string C(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static void Quoted(params string[] values)
    {
        foreach (var v in values)
            Lesson.Should().Contain(v, $"lesson.md quotes the computed value {v}");
    }

    private static Tensor S(double v) => Tensor.From([v], 1, 1);

    [Fact]
    public void Data_sizes()
    {
        var (train, test) = Day08Runs.Data.Value;
        Quoted($"学習 {C(train.Count)} 枚、テスト {C(test.Count)} 枚");
        Quoted($"画素の平均 {F(train.X.Mean(), 3)}");
    }

    [Fact]
    public void Kl_worked_examples_and_monte_carlo()
    {
        Kl.ToStandardNormal(S(1), S(0)).Should().Be(0.5);
        Quoted("KL は 0.5 です");
        double kl = Kl.ToStandardNormal(S(0.5), S(Math.Log(0.25)));
        Quoted($"= {F(kl, 4)}", F(-Math.Log(0.25), 4));
        Quoted($"では {F(Day08Runs.MonteCarloKl(0.5, 0.5), 4)}", $"では {F(Day08Runs.MonteCarloKl(1, 1), 4)}");
        var (dMu, dLogVar) = Kl.Gradient(S(0.5), S(Math.Log(0.25)));
        Quoted($"\\partial K / \\partial \\mu = {dMu.ToArray()[0]}", $"= {dLogVar.ToArray()[0]}");
    }

    [Fact]
    public void Reparameterisation_example_and_estimators()
    {
        var eps = S(1.2);
        double z = Reparameterization.Sample(S(0.5), S(Math.Log(0.25)), eps).ToArray()[0];
        var (dMu, dLogVar) = Reparameterization.Backward(S(2), S(Math.Log(0.25)), eps);
        Quoted($"= {F(z, 1)}$ です", $"\\partial L / \\partial \\mu = {dMu.ToArray()[0]}", $"= {F(dLogVar.ToArray()[0], 1)}$ になります");
        var e = Day08Runs.GradientEstimators(0.5, 0.5);
        Quoted($"平均 {F(e.ReparamMean, 4)}・標準偏差 {F(e.ReparamStd, 4)}", $"平均 {F(e.ScoreMean, 4)}", F(e.ScoreStd, 4));
    }

    [Fact]
    public void Autoencoder_run()
    {
        var run = Day08Runs.Ae.Value;
        Quoted($"計 {C(new Autoencoder(new Rng(1)).Parameters.Sum(p => (long)p.Value.Length))} 個");
        Quoted($"学習前のテストの平均二乗誤差は {F(run.UntrainedTestMse, 4)}", $"その誤差は {F(run.MeanImageMse, 4)}");
        Quoted($"1 エポックで {F(run.TestMse[0], 4)}、5 エポックで {F(run.TestMse[4], 4)}、10 エポックで {F(run.TestMse[9], 4)}、30 エポックで {F(run.TestMse[29], 4)}");
        run.TestMse[29].Should().BeLessThan(run.MeanImageMse / 3, "the lesson says a third of the mean-image error");
    }

    [Fact]
    public void Gan_loss_examples()
    {
        Quoted(F(GanLoss.Discriminator(Tensor.Zeros(4, 1), Tensor.Zeros(4, 1)), 4));
        GanLoss.Discriminator(S(-1000), S(1000)).Should().Be(2000);
        Quoted("1000 + 1000 = 2000");
        double ns = GanLoss.GeneratorGradient(S(-10)).ToArray()[0];
        double sat = -1 / (1 + Math.Exp(10));
        Quoted(F(ns, 5), F(ns, 7), "4.54 \\times 10^{-5}", $"約 {C(1000 * (long)Math.Round(ns / sat / 1000))} 倍");
        F(sat * 1e5, 2).Should().Be("-4.54");
        Quoted($"$D = {F(1 / (1 + Math.Exp(-2)), 2)}$", $"{F(-1 / (1 + Math.Exp(-2)), 3)}", $"{F(GanLoss.GeneratorGradient(S(2)).ToArray()[0], 3)}");
        Quoted($"$D^* = {F(0.3 / (0.3 + 0.1), 2)}$");
    }

    [Fact]
    public void Vae_runs()
    {
        Quoted($"$J = 2$ なら {C(new Vae(2, new Rng(1)).Parameters.Sum(p => (long)p.Value.Length))} 個、$J = 8$ なら {C(new Vae(8, new Rng(1)).Parameters.Sum(p => (long)p.Value.Length))} 個");
        foreach (var (name, run) in new[] { ("潜在 2 次元", Day08Runs.Vae2.Value), ("潜在 8 次元", Day08Runs.Vae8.Value) })
            Quoted($"| {name}: −ELBO（うち KL） | " + string.Join(" | ", new[] { 1, 10, 50 }.Select(e => $"{F(run.TestElbo(e), 3)} ({F(run.TestKl[e - 1], 3)})")) + " |");
        Quoted($"{F(Day08Runs.Vae8.Value.TestReconstruction[^1], 3)} 対 {F(Day08Runs.Vae2.Value.TestReconstruction[^1], 3)}");
        var (_, test) = Day08Runs.Data.Value;
        Quoted($"床 {F(Day08Runs.BernoulliEntropyFloor(test.X), 3)}");
        Quoted($"−ELBO は {F(Day08Runs.Vae2.Value.TestElbo(50), 3)}、潜在 8 次元で {F(Day08Runs.Vae8.Value.TestElbo(50), 3)}");
    }

    [Fact]
    public void Gan1d_table_and_final_losses()
    {
        var seeds = Day08Runs.Gan1DSeeds.Value;
        for (int s = 0; s < seeds.Length; s++)
            Quoted($"| シード {s + 1}: 平均 / 標準偏差 | " + string.Join(" | ", new[] { 1, 250, 500, 1000, 1500, 3000 }
                .Select(step => seeds[s].Single(r => r.Step == step)).Select(r => $"{F(r.Mean, 3)} / {F(r.Std, 3)}")) + " |");
        var d = seeds.Select(r => r[^1].DLoss).ToArray();
        var g = seeds.Select(r => r[^1].GLoss).ToArray();
        Quoted($"識別器の損失は {F(d.Min(), 3)}〜{F(d.Max(), 3)}、生成器の損失は {F(g.Min(), 3)}〜{F(g.Max(), 3)}");
        Quoted($"{F(Math.Log(2), 3)}");
    }

    [Fact]
    public void Ring8_runs()
    {
        var balanced = Day08Runs.RingBalanced.Value;
        var collapsed = Day08Runs.RingCollapsed.Value;
        balanced.Single(s => s.Step == 1000).ModesCovered.Should().Be(8, "all 8 modes reached by step 1,000");
        Quoted($"{F(100 * balanced[^1].HitShare, 1)}% のサンプル");
        int Dominant(int step) => Array.IndexOf(collapsed.Single(s => s.Step == step).NearestCounts, collapsed.Single(s => s.Step == step).NearestCounts.Max());
        collapsed.Single(s => s.Step == 500).NearestCounts[Dominant(500)].Should().Be(Day08Runs.RingSamples, "all 2,000 near one mode at step 500");
        Quoted($"モード（{Dominant(500)} 番）", $"{Dominant(2000)} 番、2,500 ステップでは {Dominant(2500)} 番");
        var at1500 = collapsed.Single(s => s.Step == 1500).NearestCounts;
        at1500.Count(c => c > 0).Should().Be(2);
        Quoted($"{Array.FindIndex(at1500, c => c > 0)} 番と {Array.FindLastIndex(at1500, c => c > 0)} 番の間");
        collapsed.Should().OnlyContain(s => s.ModesCovered <= 2, "one or two modes at a time");
    }

    [Fact]
    public void Transposed_convolution_examples_and_dcgan_sizes()
    {
        var (_, _, y) = Day08Runs.TransposedExample();
        var v = y.ToArray();
        Quoted($"{v[0]} & {v[1]} & {v[2]} \\\\ {v[3]} & {v[4]} & {v[5]} \\\\ {v[6]} & {v[7]} & {v[8]}");
        var (_, convU, left, right) = Day08Runs.AdjointExample();
        var c = convU.ToArray();
        left.Should().Be(right);
        Quoted($"{c[0]} & {c[1]} \\\\ {c[2]} & {c[3]}", $"= {left}$", $"も {right} になります");
        new TransposedConv2d(Tensor.Zeros(1, 1, 4, 4), null, 2, 1).OutputSize(4).Should().Be(8);
        var dc = new Dcgan(new Rng(1));
        Quoted($"生成器が {C(dc.GeneratorParameters.Sum(p => (long)p.Value.Length))} 個", $"識別器が {C(dc.DiscriminatorParameters.Sum(p => (long)p.Value.Length))} 個", "8{,}192");
        (32 * 16 * 4 * 4).Should().Be(8192);
        dc.Generate(new Rng(2).Normal(1.0, 3, Dcgan.NoiseDim)).Shape.ToArray().Should().Equal([3, 1, 8, 8]);
    }
}
