using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Course.Engine;
using Course.Model.Quizzes;

namespace Course.Certification.Tests;

/// <summary>
/// The real exam bank (grader/exam-bank): every file parses, every pool is large enough and follows the quiz rules,
/// and every 計算 answer is recomputed here — with the engine's own optimisers and schedules where they exist. Days 1–9
/// are recomputed in <c>ExamBank/DayNNAnswers.cs</c> (the same partial class), from the engine's layers where it has them.
/// </summary>
public sealed partial class ExamBankAnswerTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(
        typeof(ExamBankAnswerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CourseRoot").Value!));

    private static readonly ExamBank Bank = ExamBank.Load(Path.Combine(Root, "grader", "exam-bank"));
    private static readonly IReadOnlyDictionary<string, QuizQuestion> Questions = Bank.ById();

    private static double Answer(string id) =>
        double.Parse(Questions[id].Answer.Text.Replace(",", "").Replace("−", "-"), CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, Func<double>> Computed = new Dictionary<string, Func<double>>[]
    {
        Day01Numbers(), Day02Numbers(), Day03Numbers(), Day04Numbers(), Day05Numbers(), Day06Numbers(), Day07Numbers(), Day08Numbers(), Day09Numbers(), GeneralNumbers(),
    }.SelectMany(d => d).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Numeric answers of コード questions (reading code whose result is a number), recomputed the same way.</summary>
    private static readonly Dictionary<string, Func<double>> CodeComputed = new Dictionary<string, Func<double>>[]
    {
        Day01CodeNumbers(), Day03CodeNumbers(), Day04CodeNumbers(), Day05CodeNumbers(), Day09CodeNumbers(),
    }.SelectMany(d => d).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>計算 questions whose answer is not a single number (a vector, a shape, a trace), each checked by its own fact.</summary>
    private static readonly string[] CheckedByFact = ["D1-Q105", "D2-Q101", "D2-Q103", "D4-Q103"];

    private static Dictionary<string, Func<double>> GeneralNumbers() => new()
    {
        ["D10-Q105"] = () => { double p = 40.0 / 50, r = 40.0 / 60; return 2 * p * r / (p + r); },
        ["D10-Q106"] = () => Math.Ceiling(60_000 / 128.0),
    };

    public static TheoryData<string> NumericIds() => new(Computed.Keys.Concat(CodeComputed.Keys));

    [Theory]
    [MemberData(nameof(NumericIds))]
    public void The_marked_answer_is_the_computed_value(string id)
    {
        var expected = (Computed.TryGetValue(id, out var compute) ? compute : CodeComputed[id])();
        var decimals = Questions[id].Answer.Text.Split('.').ElementAtOrDefault(1)?.Length ?? 0;

        Answer(id).Should().BeApproximately(expected, 0.5 * Math.Pow(10, -decimals) + 1e-12, $"{id}'s answer is {expected} rounded to the options' precision");
    }

    [Fact]
    public void Every_calculation_question_is_recomputed_by_a_test()
    {
        var numeric = Questions.Values.Where(q => q.Tag == "計算").Select(q => q.Id).ToHashSet();

        numeric.Should().BeEquivalentTo(Computed.Keys.Concat(CheckedByFact));
        CodeComputed.Keys.Should().OnlyContain(id => Questions[id].Tag == "コード");
    }

    [Fact]
    public void Vector_answers_match_the_engine()
    {
        var relu = new Course.Engine.Layers.Relu<double>();
        relu.Forward(Tensor<double>.From([-1, 0.5, 2], 3));
        relu.Backward(Tensor<double>.From([3, 4, 5], 3)).Span.ToArray().Should().Equal(0, 4, 5);
        Questions["D1-Q105"].Answer.Text.Should().Be("(0, 4, 5)");

        double lambda = 0.01;
        new[] { 2.0, -4.0 }.Select(w => Math.Round(lambda * w, 10)).Should().Equal(0.02, -0.04);
        Questions["D2-Q101"].Answer.Text.Should().Be("(0.02, −0.04)");
    }

    [Fact]
    public void The_early_stopping_trace_stops_at_epoch_4_with_epoch_2_best()
    {
        double[] losses = [0.90, 0.70, 0.72, 0.71, 0.69];
        int best = 0, waited = 0, stoppedAt = -1;
        for (var epoch = 0; epoch < losses.Length && stoppedAt < 0; epoch++)
        {
            if (losses[epoch] < losses[best]) { best = epoch; waited = 0; }
            else if (epoch > 0 && ++waited == 2) stoppedAt = epoch;
        }

        (stoppedAt + 1, best + 1).Should().Be((4, 2));
        Questions["D2-Q103"].Answer.Text.Should().StartWith("4 エポック目で止まり、最良のエポック 2");
    }

    [Fact]
    public void Every_pool_has_at_least_ten_items_and_follows_the_quiz_rules()
    {
        Bank.Pools.Keys.Order().Should().Equal(Enumerable.Range(1, 10), "a pool per Day 1–9 and the general pool");
        foreach (var (pool, questions) in Bank.Pools)
        {
            questions.Count.Should().BeGreaterThanOrEqualTo(10, $"pool {pool}");
            questions.Should().OnlyContain(q => q.Number >= 101, "exam ids start at Q101 so they never collide with practice ids");
            questions.Count(q => q.Tag != "知識").Should().BeGreaterThanOrEqualTo(2, $"pool {pool} has calculation or code questions");
            var longestCorrect = questions.Count(q =>
            {
                var lengths = q.Options.Select(o => o.Text.Length).ToList();
                return q.Answer.Text.Length == lengths.Max() && lengths.Count(l => l == lengths.Max()) == 1;
            });
            (longestCorrect / (double)questions.Count).Should().BeLessThanOrEqualTo(0.4, $"pool {pool}: the correct option may not give itself away by length");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Pools_of_days_1_to_9_meet_the_day_quiz_rules(int day)
    {
        var questions = Bank.Pools.Should().ContainKey(day).WhoseValue;

        questions.Count.Should().BeGreaterThanOrEqualTo(10, $"day{day:00}.md has at least 10 items");
        questions.Count(q => q.Tag == "計算").Should().BeGreaterThanOrEqualTo(4, $"day{day:00}.md has at least 4 計算 items");
        var code = questions.Where(q => q.Tag == "コード").ToList();
        code.Count.Should().BeGreaterThanOrEqualTo(3, $"day{day:00}.md has at least 3 コード items");
        code.Should().Contain(q => q.Stem.Contains("```python"), $"day{day:00}.md has a コード item reading NumPy/PyTorch code");
    }

    /// <summary>A letter A–D standing alone as the subject or object of a sentence ("D は…", "A と C", "選択肢 B", "(C)").</summary>
    private static readonly Regex OptionLetter = new(
        @"(?<![\p{L}\p{N}_\\$.{'])[A-D](?=\s*(?:は|と|が|を|も|や|、|・|の方|のほう|以外))|選択肢\s*[A-D]|[(（][A-D][)）]",
        RegexOptions.CultureInvariant);

    [Fact]
    public void No_explanation_or_option_names_another_option_by_letter()
    {
        // Options are shuffled for every learner, so "A" on one paper is another option on the next.
        var offenders = Bank.Pools.Values.SelectMany(pool => pool)
            .SelectMany(q => q.Options.Select(o => (q.Id, Text: o.Text)).Append((q.Id, Text: q.Explanation)))
            .Where(t => OptionLetter.IsMatch(t.Text))
            .Select(t => $"{t.Id}: {OptionLetter.Match(t.Text).Value} in \"{t.Text}\"");

        offenders.Should().BeEmpty();
        OptionLetter.IsMatch("D は inverted 方式の訓練時の拡大率。").Should().BeTrue("the pattern catches the usual phrasing");
        OptionLetter.IsMatch("A と C は教師あり学習、B は強化学習。").Should().BeTrue();
        OptionLetter.IsMatch("入力 (N, C, H, W) の形状、$A$ は行列").Should().BeFalse("shapes and maths symbols are not option names");
    }

    [Fact]
    public void No_exam_stem_repeats_a_practice_question()
    {
        var practice = Directory.EnumerateFiles(Path.Combine(Root, "curriculum"), "quiz.md", SearchOption.AllDirectories)
            .SelectMany(f => QuizParser.ParseFile(f).Questions).Select(q => Normalise(q.Stem)).ToHashSet();

        Questions.Values.Where(q => practice.Contains(Normalise(q.Stem))).Select(q => q.Id).Should().BeEmpty();
    }

    private static string Normalise(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());
}
