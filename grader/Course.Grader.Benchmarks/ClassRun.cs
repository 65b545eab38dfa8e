using System.Diagnostics;
using Course.Grader.Grading;
using Course.Grader.Roster;
using Course.Model;

namespace Course.Grader.Benchmarks;

/// <summary>One `course grade --roster` process over the class: how long it took, how many learners it finished.</summary>
public sealed record RunFigures(TimeSpan Wall, int ExitCode, int Finished, int Graded, int AlreadyGraded);

/// <summary>Runs the real CLI on the class in a child process, optionally killing its whole tree once enough learners are done.</summary>
public sealed class ClassRun(CourseLayout layout, string rosterDir, string outDir, int jobs)
{
    /// <summary>Builds (or finds) every day's cached tests, so timed runs measure grading, not the first build.</summary>
    public async Task WarmAsync()
    {
        var cache = new Course.Grader.Building.TestCache(layout);
        var days = layout.LoadManifest().GradableDays.ToList();
        await cache.BuildMissingAsync(days);
        foreach (var day in days) await cache.GetAsync(day);
    }

    public async Task<RunFigures> GradeAsync(int? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "course.dll"), "grade", "--roster", rosterDir, "--out", outDir,
                     "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--course-root", layout.Root })
            start.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        int graded = 0, already = 0, errors = 0;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.Contains(": graded ", StringComparison.Ordinal)) graded++;
            else if (line.Contains(": already_graded", StringComparison.Ordinal)) already++;
            else if (line.Contains(": error", StringComparison.Ordinal)) errors++;
            if (killAfter is { } k && graded + errors >= k && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }
        await process.WaitForExitAsync();
        await stdout;
        var finished = Directory.Exists(outDir)
            ? Directory.EnumerateDirectories(outDir).Count(d => !Path.GetFileName(d).StartsWith(RosterGrader.PartialPrefix, StringComparison.Ordinal))
            : 0;
        return new RunFigures(watch.Elapsed, process.ExitCode, finished, graded, already);
    }
}
