using System.Globalization;
using Course.Grader.Results;
using Spectre.Console;

namespace Course.Cli.Rendering;

/// <summary><c>course grade --timings</c>: per day, the compile and, per suite, start-up (wall − tests) and test time.</summary>
public static class TimingsTable
{
    public static void Write(GradeResult result)
    {
        var table = new Table().Title("Timings (s); a suite is start-up + tests")
            .AddColumns("Day", "Compile", "Public", "Hidden", "Procs", "Total");
        foreach (var d in result.Days)
        {
            if (d.Timings is not { } t)
            {
                table.AddRow(d.Day.ToString(CultureInfo.InvariantCulture), "", "", "", "0", F(d.ExecutionTime));
                continue;
            }
            table.AddRow(d.Day.ToString(CultureInfo.InvariantCulture), F(t.Compile), $"{F(t.PublicWall - t.PublicTests)} + {F(t.PublicTests)}",
                $"{F(t.HiddenWall - t.HiddenTests)} + {F(t.HiddenTests)}", t.Processes.ToString(CultureInfo.InvariantCulture), F(d.ExecutionTime));
        }
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Wall time of the whole grading: {F(result.ExecutionTime)} s (days run side by side)");
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
