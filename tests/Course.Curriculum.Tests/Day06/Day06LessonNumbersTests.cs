using System.Globalization;
using Course.Engine;
using Course.Engine.Layers;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day06;

/// <summary>The numbers the Day 6 lesson quotes, recomputed from the engine (<see cref="Day06Runs"/>) and checked to
/// appear in lesson.md as written, so the text cannot drift from the code.</summary>
public class Day06LessonNumbersTests
{
    private static readonly string Lesson = File.ReadAllText(Path.Combine(Repo.Root, "curriculum", "day06-rnn-basics", "lesson.md"));

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static void Quoted(params string[] values)
    {
        foreach (var v in values)
            Lesson.Should().Contain(v, $"lesson.md quotes the computed value {v}");
    }

    /// <summary>Perplexity floor of the grammar: 3 uniform choices of 5 per sentence (3 ln 5 nats) over the mean sentence length (with '.' and the space).</summary>
    public static double GrammarPerplexityFloor()
    {
        double Mean(string[] phrases) => phrases.Average(p => p.Length);
        double chars = Mean(Day06Runs.Subjects) + 1 + Mean(Day06Runs.Verbs) + 1 + Mean(Day06Runs.Objects) + 2;
        return Math.Exp(3 * Math.Log(5) / chars);
    }

    [Fact]
    public void Corpus_and_baselines()
    {
        var (text, train, test) = Day06Runs.LessonCorpus();
        int v = Day06Runs.Symbols.Length;
        v.Should().Be(22);
        Quoted(text.Length.ToString("N0", CultureInfo.InvariantCulture), train.Length.ToString("N0", CultureInfo.InvariantCulture),
               test.Length.ToString("N0", CultureInfo.InvariantCulture));
        Quoted(F(Day06Runs.UnigramPerplexity(train, test, v), 3), F(Day06Runs.BigramPerplexity(train, test, v), 3), F(GrammarPerplexityFloor(), 2));
        Quoted(text[..40]);
    }

    [Fact]
    public void Worked_example_forward_and_bptt()
    {
        var w = Day06Runs.WorkedExample();
        Quoted(F(w.H1[0], 4), F(w.H1[1], 4), F(w.H2[0], 4), F(w.H2[1], 4), F(w.Dh1[0], 4), F(w.Dh1[1], 4));
        Quoted(F(w.DWh[0], 4), F(w.DWh[1], 4), F(w.DWh[2], 4), F(w.DWh[3], 4));
        Quoted(F(w.DWx[0], 4), F(w.DWx[1], 4), F(w.DWx[2], 4), F(w.DWx[3], 4), F(w.Db[0], 4), F(w.Db[1], 4));
    }

    [Fact]
    public void Bptt_matches_central_differences_through_time()
    {
        // TimeRnn's BPTT (T = 5 and T = 10) against the engine's central differences: the numbers of §6.5.
        foreach (int steps in new[] { 5, 10 })
        {
            var rnn = new TimeRnn<double>(3, 4, new Rng(3));
            var x = new Rng(4).Normal(1.0, 2, steps, 3);
            var report = GradCheck.Layer(rnn, x, new Rng(5));
            report.Passed.Should().BeTrue(report.ToString());
            report.MaxRelError.Should().BeLessThan(1e-6);
        }
    }

    [Fact]
    public void Gradient_norms_by_distance()
    {
        Quoted(F(Day06Runs.GradientNormByDistance(0.9, 0.0)[50], 5), F(Day06Runs.GradientNormByDistance(1.1, 0.0)[50], 1),
               Day06Runs.GradientNormByDistance(1.5, 0.0)[50].ToString("0.00e+0", CultureInfo.InvariantCulture),
               Day06Runs.GradientNormByDistance(1.0, 1.0)[50].ToString("0.0e+0", CultureInfo.InvariantCulture),
               Day06Runs.GradientNormByDistance(1.5, 1.0)[50].ToString("0.0e+0", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Language_model_run()
    {
        var run = Day06Runs.LessonRun;
        Quoted(F(Math.Exp(run.InitialTestCrossEntropy), 2));
        foreach (var p in run.TestPerplexity) Quoted(F(p, 3));
        Quoted(F(run.TestCrossEntropy[^1], 4), F(run.MaxGradNorm.Max(), 2));
        Quoted(run.Greedy);
        run.TestPerplexity[^1].Should().BeLessThan(1.6);
    }
}
