using System.Globalization;
using System.Text;
using Course.Grader.Results;

namespace Course.Grader.Reports;

/// <summary>A Markdown report: totals, per-day and per-exercise tables, day messages (compiler/policy), failed tests with their hints, then the passed tests.</summary>
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
        if (TestCounts.Explain(result) is { } counts)
        {
            md.AppendLine();
            md.AppendLine(counts);
        }
        md.AppendLine();
        md.AppendLine("| Exercise | Passed | Score | Max |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var e in ExerciseSummary.Of(result))
            md.AppendLine($"| {e.Exercise} | {e.Passed}/{e.Tests} | {F(e.Score)} | {F(e.MaxScore)} |");
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
        var passed = result.Tests.Where(t => t.Passed).ToList();
        if (passed.Count > 0)
        {
            md.AppendLine();
            md.AppendLine($"<details><summary>Passed tests ({passed.Count})</summary>");
            md.AppendLine();
            foreach (var t in passed) md.AppendLine($"- **{t.Number}** {Escape(t.Name)} ({F(t.Score)} / {F(t.MaxScore)})");
            md.AppendLine();
            md.AppendLine("</details>");
        }
        return md.ToString();
    }

    private static string Escape(string s) => s.Replace("|", "\\|").Replace("_", "\\_");
    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
