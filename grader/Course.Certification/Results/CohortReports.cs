using System.Globalization;
using System.Text;

namespace Course.Certification.Results;

/// <summary>
/// The cohort's files: <c>summary.csv</c> (one row per learner in roster order; numeric columns hold only numbers,
/// result and awards have their own columns) and <c>awards.md</c> (each award, its winners and the figure that won).
/// </summary>
public static class CohortReports
{
    public const string SummaryHeader = "learner_id,name,coursework,knowledge,technical,total,result,rank,awards";

    public static string SummaryCsv(IReadOnlyList<CertificationOutcome> outcomes)
    {
        var csv = new StringBuilder(SummaryHeader).Append('\n');
        foreach (var o in outcomes)
        {
            csv.Append(string.Join(",",
                Cell(o.Learner.LearnerId), Cell(o.Learner.Name), Num(o.Learner.Coursework), Num(o.Learner.Knowledge),
                Num(o.Learner.Technical), Num(o.Total), CertificationOutcome.Code(o.Result), o.Rank.ToString(CultureInfo.InvariantCulture),
                Cell(string.Join("; ", o.Awards)))).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Every award in the order the reports list them.</summary>
    public static IReadOnlyList<string> AwardOrder { get; } =
    [
        CohortCertification.BestTotal, CohortCertification.BestKnowledge, CohortCertification.BestTechnical,
        .. CohortCertification.Themes.Select(t => t.Award), CohortCertification.BestModel, CohortCertification.Complete,
    ];

    public static string AwardsMarkdown(IReadOnlyList<CertificationOutcome> outcomes)
    {
        var md = new StringBuilder("# 表彰 / Awards\n\n| award | winners | figure |\n| --- | --- | --- |\n");
        foreach (var award in AwardOrder)
        {
            var winners = outcomes.Where(o => o.Awards.Contains(award)).ToList();
            var who = winners.Count == 0 ? "—" : string.Join(", ", winners.Select(w => $"{w.Learner.Name} ({w.Learner.LearnerId})"));
            md.Append($"| {award} | {who} | {(winners.Count == 0 ? "no passing learner qualifies" : Figure(award, winners[0]))} |\n");
        }
        return md.ToString();
    }

    /// <summary>The figure that won <paramref name="award"/> for <paramref name="o"/>.</summary>
    public static string Figure(string award, CertificationOutcome o) => award switch
    {
        CohortCertification.BestTotal => $"total {Num(o.Total)}",
        CohortCertification.BestKnowledge => $"knowledge {Num(o.Learner.Knowledge)}%",
        CohortCertification.BestTechnical => $"technical {Num(o.Learner.Technical)}",
        CohortCertification.BestModel => $"held-out accuracy {o.Learner.ModelAccuracy:0.000}",
        CohortCertification.Complete => "every hidden test of Days 1–9 passed",
        _ => "days " + string.Join("+", CohortCertification.Themes.Single(t => t.Award == award).Days) + " score " +
             Num(CohortCertification.Themes.Single(t => t.Award == award).Days.Sum(d => o.Learner.DayScores.GetValueOrDefault(d))),
    };

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A CSV cell: quoted when it holds a comma, quote or line break; a line break becomes a space, so every
    /// learner stays one line of the summary.</summary>
    internal static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"").Replace("\n", " ") + "\"" : text;
}
