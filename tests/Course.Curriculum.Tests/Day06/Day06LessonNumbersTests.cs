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

        // §6.1 worked example: probabilities 0.5, 0.25, 0.5, 0.125 of the correct symbol
        double[] p = [0.5, 0.25, 0.5, 0.125];
        double ce = -p.Average(Math.Log);
        Quoted(F(ce, 4), F(Math.Exp(ce), 3), F(Math.Pow(p.Aggregate(1.0, (a, q) => a / q), 0.25), 3), F(Math.Exp(2.0), 3));
        ce.Should().BeApproximately(1.75 * Math.Log(2), 1e-15);

        // the grammar floor: 3 ln 5 nats per 26.4-character sentence
        double chars = Day06Runs.Subjects.Average(s => s.Length) + 1 + Day06Runs.Verbs.Average(s => s.Length) + 1 + Day06Runs.Objects.Average(s => s.Length) + 2;
        Quoted(F(3 * Math.Log(5), 3), F(chars, 1), F(Day06Runs.Subjects.Average(s => s.Length), 1), F(Day06Runs.Verbs.Average(s => s.Length), 1), F(Day06Runs.Objects.Average(s => s.Length), 1));
        ((double)text.Length / 600).Should().BeApproximately(chars, 0.1, "the drawn corpus has about the expected sentence length");
    }

    [Fact]
    public void Counts_quoted_in_sections_6_3_and_6_4()
    {
        long Count(RnnCell<double> c) => c.Parameters.Sum(q => (long)q.Value.Length);
        Count(new RnnCell<double>(10, 20, new Rng(0))).Should().Be(620);
        Quoted("= 620", "640 個");
        Count(new RnnCell<double>(3, 5, new Rng(0))).Should().Be(45);
        Quoted("計 45 個");
        Quoted((10_000 * 100).ToString("N0", CultureInfo.InvariantCulture));
        Quoted(F(Math.Pow(0.5, 10), 6));

        var (_, _, _, _, dW) = Day06Figures.EmbeddingExample();
        dW.Row(1).ToArray().Should().Equal([1.5, 0.5, 0.5]);
        Quoted("(1.5, 0.5, 0.5)");
    }

    [Fact]
    public void Stream_layout_of_section_6_7()
    {
        var (_, train, _) = Day06Runs.LessonCorpus();
        int jump = (train.Length - 1) / Day06Runs.LmBatch;
        Quoted($"= {jump}", $"= {jump / Day06Runs.LmTimeSteps}");
    }

    [Fact]
    public void Worked_example_forward_and_bptt()
    {
        var w = Day06Runs.WorkedExample();
        Quoted(F(w.H1[0], 4), F(w.H1[1], 4), F(w.H2[0], 4), F(w.H2[1], 4), F(w.Dh1[0], 4), F(w.Dh1[1], 4));
        Quoted(F(w.DWh[0], 4), F(w.DWh[1], 4), F(w.DWh[2], 4), F(w.DWh[3], 4));
        Quoted(F(w.DWx[0], 4), F(w.DWx[1], 4), F(w.DWx[2], 4), F(w.DWx[3], 4), F(w.Db[0], 4), F(w.Db[1], 4));
        Quoted(F(Math.Atanh(w.H2[0]), 4), F(Math.Atanh(w.H2[1]), 4));   // a_2 before tanh
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
            Quoted(report.MaxRelError.ToString("0.00e+0", CultureInfo.InvariantCulture));
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
