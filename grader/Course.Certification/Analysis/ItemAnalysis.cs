using System.Globalization;
using System.Text;
using Course.Certification.Knowledge;
using Course.Model.Quizzes;

namespace Course.Certification.Analysis;

/// <summary>
/// One bank question across the cohort: how many learners had it on their paper, how many answered it right
/// (facility), how often each option was chosen (in the bank's own option order, whatever letter it was shown under),
/// and how well it separates stronger from weaker learners.
/// </summary>
/// <param name="OptionCounts">Learners who chose each bank option, index 0 = bank letter A.</param>
/// <param name="Discrimination">Upper minus lower group facility (27% each, by total knowledge score); null when a group never met the question.</param>
/// <param name="PointBiserial">Correlation of the 0/1 item score with the total knowledge score; null when either does not vary.</param>
/// <param name="RestPointBiserial">The same with the total less this item (what Moodle reports as its discrimination index).</param>
public sealed record QuestionStatistics(
    string QuestionId, int Pool, string Tag, char Answer,
    int Asked, int Correct, int Blank, IReadOnlyList<int> OptionCounts,
    double? UpperFacility, double? LowerFacility, double? Discrimination,
    double? PointBiserial, double? RestPointBiserial)
{
    /// <summary>Share of the learners who had the question that answered it right.</summary>
    public double Facility => Asked == 0 ? 0 : (double)Correct / Asked;

    /// <summary>Weaker learners did better on it than stronger ones: a wrong key, an ambiguous stem or a trap worth reading again.</summary>
    public bool NegativeDiscrimination => Discrimination < 0 || RestPointBiserial < 0;
}

/// <summary>The knowledge test across the cohort: learners who sat it, their scores, the KR-20 reliability and every question asked.</summary>
public sealed record ItemAnalysisResult(
    int Learners, double ItemsPerPaper, int GroupSize, double MeanCorrect, double SdCorrect, double? Kr20,
    IReadOnlyList<QuestionStatistics> Questions)
{
    public IReadOnlyList<QuestionStatistics> Flagged => Questions.Where(q => q.NegativeDiscrimination).ToList();
}

/// <summary>
/// Classical item analysis of the knowledge test, as an LMS quiz report gives it. Every learner has their own paper
/// drawn from the bank, so each question's figures are taken over the learners who had it; the total is the learner's
/// number of correct answers. Upper and lower groups are the top and bottom 27% of the learners who sat the test
/// (round(0.27·N), at least 1, at most N/2; equal totals ordered by learner id so the groups are reproducible).
/// KR-20 = k/(k−1)·(1 − Σpq/σ²) with σ² the population variance of the totals; with per-learner papers Σpq is the mean
/// over learners of the Σ p_i·q_i of their own paper's questions, which is the usual sum when every paper is the same.
/// The option a learner chose comes from <see cref="KnowledgeScore"/>, which has already mapped the shown letter back
/// through that learner's shuffle.
/// </summary>
public static class ItemAnalysis
{
    public const double GroupShare = 0.27;

    public const string CsvHeader =
        "question_id,pool,tag,answer,asked,correct,facility,upper_facility,lower_facility,discrimination,point_biserial,point_biserial_rest,count_a,count_b,count_c,count_d,blank,flag";

    public const string NegativeFlag = "negative_discrimination";

    /// <summary>Analyses the scored papers of the learners who handed in answers; questions in pool, then bank order.</summary>
    public static ItemAnalysisResult Analyse(IReadOnlyList<(string Learner, KnowledgeScore Score)> papers, IReadOnlyDictionary<string, QuizQuestion> bank)
    {
        var n = papers.Count;
        var totals = papers.Select(p => (double)p.Score.Correct).ToArray();
        var mean = n == 0 ? 0 : totals.Average();
        var variance = n == 0 ? 0 : totals.Sum(t => (t - mean) * (t - mean)) / n;
        var group = n < 2 ? 0 : Math.Min(n / 2, Math.Max(1, (int)Math.Round(GroupShare * n, MidpointRounding.AwayFromZero)));
        var ranked = Enumerable.Range(0, n).OrderByDescending(i => totals[i]).ThenBy(i => papers[i].Learner, StringComparer.Ordinal).ToList();
        var upper = ranked.Take(group).ToHashSet();
        var lower = ranked.Skip(n - group).ToHashSet();

        // Each question's answers: (learner index, the scored item).
        var byQuestion = new Dictionary<string, List<(int Learner, ScoredItem Item)>>();
        for (var i = 0; i < n; i++)
            foreach (var item in papers[i].Score.Items)
            {
                if (!byQuestion.TryGetValue(item.QuestionId, out var list)) byQuestion[item.QuestionId] = list = [];
                list.Add((i, item));
            }

        var questions = new List<QuestionStatistics>();
        foreach (var (id, answers) in byQuestion)
        {
            var question = bank.TryGetValue(id, out var q) ? q : null;
            var optionCount = Math.Max(4, question?.Options.Count ?? 4);
            var counts = new int[optionCount];
            foreach (var (_, item) in answers)
                if (item.BankLetter is { } letter && letter - 'A' is var o && o >= 0 && o < optionCount) counts[o]++;
            var y = answers.Select(a => a.Item.Correct ? 1.0 : 0.0).ToArray();
            var x = answers.Select(a => totals[a.Learner]).ToArray();
            var upperFacility = Facility(answers.Where(a => upper.Contains(a.Learner)));
            var lowerFacility = Facility(answers.Where(a => lower.Contains(a.Learner)));
            questions.Add(new QuestionStatistics(
                id, question?.Day ?? answers[0].Item.Pool, question?.Tag ?? "", question?.Answer.Letter ?? '?',
                answers.Count, answers.Count(a => a.Item.Correct), answers.Count(a => a.Item.Shown is null), counts,
                upperFacility, lowerFacility, upperFacility - lowerFacility,
                Pearson(y, x), Pearson(y, x.Zip(y, (t, s) => t - s).ToArray())));
        }
        var order = bank.Keys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i);
        questions = questions.OrderBy(s => s.Pool).ThenBy(s => order.GetValueOrDefault(s.QuestionId, int.MaxValue)).ThenBy(s => s.QuestionId, StringComparer.Ordinal).ToList();

        var k = n == 0 ? 0 : papers.Average(p => p.Score.Asked);
        var pq = questions.ToDictionary(s => s.QuestionId, s => s.Facility * (1 - s.Facility));
        var sumPq = n == 0 ? 0 : papers.Average(p => p.Score.Items.Sum(i => pq[i.QuestionId]));
        double? kr20 = n >= 2 && k > 1 && variance > 0 ? k / (k - 1) * (1 - sumPq / variance) : null;
        return new ItemAnalysisResult(n, k, group, mean, Math.Sqrt(variance), kr20, questions);

        static double? Facility(IEnumerable<(int Learner, ScoredItem Item)> answers)
        {
            var list = answers.ToList();
            return list.Count == 0 ? null : (double)list.Count(a => a.Item.Correct) / list.Count;
        }
    }

    /// <summary>Pearson correlation (for a 0/1 variable, the point-biserial); null when either side has no variance.</summary>
    public static double? Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2) return null;
        var (ma, mb) = (a.Average(), b.Average());
        double cov = 0, va = 0, vb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va < 1e-12 || vb < 1e-12 ? null : cov / Math.Sqrt(va * vb);
    }

    /// <summary><c>items.csv</c>: one row per question asked, numbers only in the numeric columns (empty where undefined).</summary>
    public static string Csv(ItemAnalysisResult result)
    {
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var q in result.Questions)
        {
            var counts = Enumerable.Range(0, 4).Select(o => q.OptionCounts.Count > o ? q.OptionCounts[o].ToString(CultureInfo.InvariantCulture) : "0");
            csv.Append(string.Join(",", [
                Cell(q.QuestionId), q.Pool.ToString(CultureInfo.InvariantCulture), Cell(q.Tag), q.Answer.ToString(),
                q.Asked.ToString(CultureInfo.InvariantCulture), q.Correct.ToString(CultureInfo.InvariantCulture), Num(q.Facility),
                Num(q.UpperFacility), Num(q.LowerFacility), Num(q.Discrimination), Num(q.PointBiserial), Num(q.RestPointBiserial),
                .. counts, q.Blank.ToString(CultureInfo.InvariantCulture), q.NegativeDiscrimination ? NegativeFlag : ""])).Append('\n');
        }
        return csv.ToString();
    }

    private static string Num(double? v) => v is { } d ? (Math.Round(d, 4) + 0.0).ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"").Replace("\n", " ") + "\"" : text;
}
