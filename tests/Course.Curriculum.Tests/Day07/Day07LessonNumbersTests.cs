using System.Globalization;
using Course.Engine;
using Course.Engine.Layers;

namespace Course.Curriculum.Tests.Day07;

/// <summary>The numbers the Day 7 lesson quotes, recomputed from the engine (<see cref="Day07Runs"/>) and checked to
/// appear in lesson.md as written, so the text cannot drift from the code.</summary>
public class Day07LessonNumbersTests
{
    private static readonly string Lesson = File.ReadAllText(Path.Combine(Repo.Root, "curriculum", "day07-rnn-methods", "lesson.md"));

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static void Quoted(params string[] values)
    {
        foreach (var v in values)
            Lesson.Should().Contain(v, $"lesson.md quotes the computed value {v}");
    }

    private static long Count(IEnumerable<Parameter<double>> ps) => ps.Sum(p => (long)p.Value.Length);

    [Fact]
    public void Parameter_counts_of_rnn_lstm_gru()
    {
        long rnn = Count(new RnnCell<double>(10, 20, new Rng(0)).Parameters);
        long lstm = Count(new LstmCell<double>(10, 20, new Rng(0)).Parameters);
        long gru = Count(new GruCell<double>(10, 20, new Rng(0)).Parameters);
        rnn.Should().Be(620);
        lstm.Should().Be(4 * rnn);
        gru.Should().Be(1920);
        Quoted($"4 \\cdot 620 = {lstm:N0}".Replace(",", "{,}"), $"= {gru:N0}$".Replace(",", "{,}"), $"（{gru:N0} 個）", $"{lstm + 80:N0} 個");
        Quoted($"`nn.LSTM(10, 20)` が {lstm + 80:N0}、`nn.GRU(10, 20)` が {gru:N0}");
    }

    [Fact]
    public void Positional_encoding_example()
    {
        var pe = Day07Runs.PositionalEncoding(2, 4);
        Quoted($"({F(pe[1, 0], 4)}, {F(pe[1, 1], 4)}, {F(pe[1, 2], 4)}, {F(pe[1, 3], 5)})");
        pe[0, 0].Should().Be(0); pe[0, 1].Should().Be(1); pe[0, 2].Should().Be(0); pe[0, 3].Should().Be(1);
        Quoted("$PE[0] = (0, 1, 0, 1)$");
        var pe16 = Day07Runs.PositionalEncoding(10, 16);
        Day07Runs.Dot(pe16, 3, 3).Should().BeApproximately(8, 1e-12, "PE[t]·PE[t] = d/2");
        Quoted("$d/2 = 8$");
    }

    [Fact]
    public void Gru_worked_example()
    {
        var g = Day07Runs.GruExample();
        g.H.Should().BeApproximately((1 - g.Z) * g.N + g.Z * Day07Runs.GruHPrev, 1e-15, "the engine's GRU keeps the old state with z");
        Quoted($"= {F(g.R, 4)}$", $"= {F(g.Z, 4)}$", $"\\tanh({F(g.PreN, 4)}) = {F(g.N, 4)}", $"= {F(g.H, 4)}$", $"{F(g.Z, 4)} : {F(1 - g.Z, 4)}");
    }

    [Fact]
    public void Lstm_worked_example_forward_and_backward()
    {
        var e = Day07Runs.LstmExample();
        Quoted($"\\sigma(0.5) = {F(e.Gates[0], 4)}", $"\\sigma(1.2) = {F(e.Gates[1], 4)}", $"\\tanh(0.8) = {F(e.Gates[2], 4)}", $"\\sigma(0.4) = {F(e.Gates[3], 4)}");
        Quoted($"= {F(e.C, 4)}$", $"{F(e.TanhC, 4)} = {F(e.H, 4)}$");
        Quoted($"$dc = {F(e.DcPrev / e.Gates[1], 4)} \\cdot {F(e.Gates[1], 4)} = {F(e.DcPrev, 4)}$");
        Quoted($"$dA = ({F(e.DA[0], 4)}, {F(e.DA[1], 4)}, {F(e.DA[2], 4)}, {F(e.DA[3], 4)})$");
        double dct = e.DcPrev / e.Gates[1];
        Quoted($"$do = {F(e.TanhC, 4)}$", $"$di = {F(dct, 4)} \\cdot {F(e.Gates[2], 4)} = {F(dct * e.Gates[2], 4)}$",
               $"$df = {F(dct, 4)} \\cdot 0.5 = {F(dct * 0.5, 4)}$", $"$dg = {F(dct, 4)} \\cdot {F(e.Gates[0], 4)} = {F(dct * e.Gates[0], 4)}$");
        Math.Abs(e.DxNumericCheck).Should().BeLessThan(1e-8, "the engine's dx matches a central difference");
    }

    [Fact]
    public void Lstm_cell_gradient_check()
    {
        // the derivation of §7.4 against central differences: one engine TimeLstm over T = 5
        var lstm = new TimeLstm<double>(3, 4, new Rng(3));
        var report = GradCheck.Layer(lstm, new Rng(4).Normal(1.0, 2, 5, 3), new Rng(5));
        report.Passed.Should().BeTrue(report.ToString());
        report.MaxRelError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Attention_example()
    {
        var (w, ctx) = Day07Runs.AttentionExample();
        Quoted($"({F(w[0], 4)}, {F(w[1], 4)}, {F(w[2], 4)})", $"({F(ctx[0], 4)}, {F(ctx[1], 4)})");
        Quoted($"{F(Math.Exp(2), 3)} : {F(Math.Exp(1), 3)} : 1");
    }

    [Fact]
    public void Gradient_to_the_distant_past()
    {
        string E(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        Quoted($"距離 50 で {E(Day07Runs.RnnGradientByDistance()[50], "0.0e+0")} まで消えます");
        Quoted($"距離 50 で {E(Day07Runs.LstmCellGradientByDistance(0.0)[50], "0.0e+0")}",
               $"バイアス 1 では {E(Day07Runs.LstmCellGradientByDistance(1.0)[50], "0.0e+0")}",
               $"バイアス 3 では {E(Day07Runs.LstmCellGradientByDistance(3.0)[50], "0.0e+0")}");
        F(1 / (1 + Math.Exp(-1.0)), 2).Should().Be("0.73");
        Quoted("\\sigma(1) = 0.73");
    }

    [Fact]
    public void Ideal_reversal_attention_peaks()
    {
        var w = Day07Runs.IdealReversalWeights();
        int t = Day07Runs.ReversalLength;
        var peaks = Enumerable.Range(0, t).Select(j => w[j, t - 1 - j]).ToArray();
        Quoted($"{F(peaks.Min(), 2)}〜{F(peaks.Max(), 2)}");
        Quoted($"を {Day07Runs.ReversalSharpness:0} 倍したもの");
    }

    [Fact]
    public void Small_ridge_regression()
    {
        Quoted($"W = 5 / (5 + 1) = {F(Day07Runs.SmallRidge(1.0), 4)}");
        Day07Runs.SmallRidge(0.0).Should().BeApproximately(1.0, 1e-15);
    }
}
