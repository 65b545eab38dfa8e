using System.Globalization;
using System.Text;
using Course.Grader.Results;

namespace Course.Grader.Reports;

/// <summary>A Markdown report: totals, a per-day table, day messages (compiler/policy), then failed tests with their hints.</summary>
public static class MarkdownReport
{
    public static string Render(GradeResult result)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Grading report: {F(result.Score)} / {F(result.MaxScore)}{(result.PublicOnly ? " (public tests only)" : "")}");
        md.AppendLine();
        md.AppendLine($"Submission SHA-256 `{result.SubmissionSha256}` · {F(result.ExecutionTime)} s");
        md.AppendLine();
        md.AppendLine("| Day | Score | Max | Status | Passed |");
        md.AppendLine("| --- | ---: | ---: | --- | ---: |");
        foreach (var d in result.Days)
        {
            var tests = result.Tests.Where(t => t.Day == d.Day).ToList();
            md.AppendLine($"| {d.Day} | {F(d.Score)} | {F(d.MaxScore)} | {d.Status.Text()} | {tests.Count(t => t.Passed)}/{tests.Count} |");
        }
        foreach (var d in result.Days.Where(d => d.Messages.Count > 0))
        {
            md.AppendLine();
            md.AppendLine($"## Day {d.Day}: {d.Status.Text()}");
            md.AppendLine();
            md.AppendLine("```text");
            foreach (var m in d.Messages) md.AppendLine(m);
            md.AppendLine("```");
        }
        var failed = result.Tests.Where(t => !t.Passed && t.Output.Length > 0).ToList();
        if (failed.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Failed tests");
            md.AppendLine();
            foreach (var t in failed.Where(t => !t.Output.StartsWith("not run:", StringComparison.Ordinal)))
                md.AppendLine($"- **{t.Number}** {Escape(t.Name)} (0 / {F(t.MaxScore)}): {Escape(t.Output.Split('\n')[0])}");
        }
        return md.ToString();
    }

    private static string Escape(string s) => s.Replace("|", "\\|").Replace("_", "\\_");
    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
