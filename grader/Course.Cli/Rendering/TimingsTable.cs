using System.Globalization;
using Course.Grader.Results;
using Spectre.Console;

namespace Course.Cli.Rendering;

/// <summary><c>course grade --timings</c>: per day, the compile and, per suite, the wait for a process slot, start-up
/// (wall − wait − tests) and test time.</summary>
public static class TimingsTable
{
    public static void Write(GradeResult result)
    {
        var table = new Table().Title("Timings (s); a suite is queue + start-up + tests")
            .AddColumns("Day", "Compile", "Public", "Hidden", "Procs", "Total");
        foreach (var d in result.Days)
        {
            if (d.Timings is not { } t)
            {
                table.AddRow(d.Day.ToString(CultureInfo.InvariantCulture), "", "", "", "0", F(d.ExecutionTime));
                continue;
            }
            table.AddRow(d.Day.ToString(CultureInfo.InvariantCulture), F(t.Compile), Suite(t.PublicQueue, t.PublicWall, t.PublicTests),
                Suite(t.HiddenQueue, t.HiddenWall, t.HiddenTests), t.Processes.ToString(CultureInfo.InvariantCulture), F(d.ExecutionTime));
        }
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Wall time of the whole grading: {F(result.ExecutionTime)} s (days run side by side)");
        if (CpuSeconds() is var (own, children))
            AnsiConsole.WriteLine($"CPU so far: this process {F(own)} s (compile, policy scan, bookkeeping), test processes {F(children)} s");
    }

    /// <summary>User + system CPU of this process and of its finished children, from /proc (null elsewhere): on a
    /// machine with few cores the grading is bound by CPU, so this says which side to make cheaper.</summary>
    private static (double Own, double Children)? CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the parenthesised command name, which may itself hold spaces: utime is field 14 of stat(5).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            double Ticks(int field) => double.Parse(fields[field - 3], CultureInfo.InvariantCulture) / 100; // USER_HZ, fixed for /proc
            return (Ticks(14) + Ticks(15), Ticks(16) + Ticks(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return null; }
    }

    private static string Suite(double queue, double wall, double tests) => $"{F(queue)} + {F(wall - queue - tests)} + {F(tests)}";

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
