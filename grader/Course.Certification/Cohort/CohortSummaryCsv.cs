using System.Text;
using Course.Certification.Results;
using Course.Grader.Results;

namespace Course.Certification.Cohort;

/// <summary>
/// The certify run's <c>summary.csv</c>: <see cref="CohortReports.SummaryCsv"/>'s columns plus each component's status
/// and the reason a learner was skipped; rows in roster order, a skipped learner's numeric cells empty and its result
/// <c>skipped</c>.
/// </summary>
public static class CohortSummaryCsv
{
    public const string Header = CohortReports.SummaryHeader + ",coursework_status,knowledge_status,technical_status,error";

    public static string Render(IReadOnlyList<string> roster, IReadOnlyList<LearnerRecord> records, IReadOnlyList<CertificationOutcome> outcomes,
        IReadOnlyDictionary<string, string> skipped)
    {
        var rows = CohortReports.SummaryCsv(outcomes).TrimEnd('\n').Split('\n');
        var byLearner = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
            byLearner[records[i].Components.LearnerId] = string.Join(",", rows[i + 1], CohortReports.Cell(records[i].CourseworkStatus),
                records[i].KnowledgeStatus.Text(), records[i].TechnicalStatus.Text(), "");
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var id in roster)
        {
            if (byLearner.TryGetValue(id, out var row)) csv.Append(row).Append('\n');
            else if (skipped.TryGetValue(id, out var reason)) csv.Append(string.Join(",", CohortReports.Cell(id), CohortReports.Cell(id), "", "", "", "", "skipped", "", "", "", "", "", CohortReports.Cell(reason))).Append('\n');
        }
        return csv.ToString();
    }
}
