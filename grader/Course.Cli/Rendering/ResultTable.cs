using System.Globalization;
using Course.Grader.Reports;
using Course.Grader.Results;
using Spectre.Console;

namespace Course.Cli.Rendering;

/// <summary>The console view of a grade: one row per day (per exercise too when learners grade themselves), then day messages and failed tests with their hints.</summary>
public static class ResultTable
{
    public static void Write(GradeResult result)
    {
        var table = new Table().Title($"Score {F(result.Score)} / {F(result.MaxScore)}{(result.PublicOnly ? " (public tests only)" : "")}")
            .AddColumns("Day", "Score", "Max", "Status", "Passed", "Time (s)");
        foreach (var d in result.Days)
        {
            var tests = result.Tests.Where(t => t.Day == d.Day).ToList();
            var status = d.Status == DayStatus.Graded ? "[green]graded[/]" : $"[red]{d.Status.Text()}[/]";
            table.AddRow(d.Day.ToString(CultureInfo.InvariantCulture), F(d.Score), F(d.MaxScore), status, $"{tests.Count(t => t.Passed)}/{tests.Count}", F(d.ExecutionTime));
        }
        AnsiConsole.Write(table);
        if (result.PublicOnly)
            foreach (var e in ExerciseSummary.Of(result))
                AnsiConsole.WriteLine($"  {(e.Passed == e.Tests ? "✓" : "✗")} {e.Exercise}: {e.Passed}/{e.Tests} tests passed, {F(e.Score)}/{F(e.MaxScore)} points");
        foreach (var d in result.Days.Where(d => d.Messages.Count > 0))
        {
            AnsiConsole.MarkupLine($"[bold]Day {d.Day}: {d.Status.Text()}[/]");
            foreach (var m in d.Messages.Take(20)) AnsiConsole.WriteLine("  " + m);
        }
        var failed = result.Tests.Where(t => !t.Passed && !t.Output.StartsWith("not run:", StringComparison.Ordinal)).ToList();
        foreach (var t in failed.Take(40))
            AnsiConsole.WriteLine($"  ✗ {t.Number} {t.Name} (0/{F(t.MaxScore)}): {t.Output.Split('\n')[0]}");
        if (failed.Count > 40) AnsiConsole.WriteLine($"  … and {failed.Count - 40} more failed tests (see the reports)");
        AnsiConsole.WriteLine(result.Output);
        if (TestCounts.Explain(result) is { } counts) AnsiConsole.WriteLine(counts);
        AnsiConsole.WriteLine($"Total: {F(result.Score)} / {F(result.MaxScore)} in {F(result.ExecutionTime)} s");
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
