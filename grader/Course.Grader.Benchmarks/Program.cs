using System.Diagnostics;
using System.Globalization;
using Course.Grader.Benchmarks;
using Course.Model;

// A class graded end to end on this machine, as an instructor would: `course grade --roster` over a generated class,
// killed once part-way (like a lost node) and resumed. Reports wall time, learners per minute, and checks that every
// learner ends with the grade their kind of submission must get and that nothing finished before the kill is lost.
//   dotnet run --project grader/Course.Grader.Benchmarks -c Release -- [--learners 100] [--kill-after 30] [--jobs 2] [--work DIR]
var options = ClassRunOptions.Parse(args);
var layout = CourseLayout.Discover(Directory.GetCurrentDirectory());
var work = options.Work ?? Directory.CreateTempSubdirectory("class-run-").FullName;
var rosterDir = Path.Combine(work, "class");
var outDir = Path.Combine(work, "results");
if (Directory.Exists(rosterDir)) Directory.Delete(rosterDir, recursive: true);
if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);

var roster = ClassRoster.Write(layout, rosterDir, options.Learners);
Console.WriteLine($"class of {roster.Count} in {rosterDir}: " +
                  string.Join(", ", roster.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}")));

var run = new ClassRun(layout, rosterDir, outDir, options.Jobs);
await run.WarmAsync(); // the test cache is built once, before timing (a cold first run is a separate figure)
var first = await run.GradeAsync(killAfter: options.KillAfter);
Console.WriteLine($"run 1: killed after {first.Finished} learner(s) finished, {first.Wall.TotalSeconds:0.0} s");
var second = await run.GradeAsync(killAfter: null);
Console.WriteLine($"run 2 (resumed): exit {second.ExitCode}, {second.AlreadyGraded} already graded, {second.Graded} graded, {second.Wall.TotalSeconds:0.0} s");

var verdict = ClassCheck.Compare(roster, Path.Combine(outDir, "summary.csv"), layout.LoadManifest());
var wall = first.Wall + second.Wall;
var report = $"""
    | learners | jobs | run 1 (killed) | run 2 (resumed) | total wall | learners / min | kept across the kill | problems |
    | --- | --- | --- | --- | --- | --- | --- | --- |
    | {roster.Count} | {options.Jobs} | {first.Wall.TotalSeconds:0} s, {first.Finished} done | {second.Wall.TotalSeconds:0} s, {second.Graded} graded | {wall.TotalSeconds:0} s | {(roster.Count / wall.TotalMinutes).ToString("0.0", CultureInfo.InvariantCulture)} | {second.AlreadyGraded} of {first.Finished} | {verdict.Count} |
    """;
Console.WriteLine(report);
foreach (var problem in verdict) Console.WriteLine("problem: " + problem);
File.WriteAllText(Path.Combine(work, "class-run.md"), report + "\n" + string.Concat(verdict.Select(p => $"- {p}\n")));
return verdict.Count == 0 && second.AlreadyGraded >= first.Finished ? 0 : 1;

/// <summary>Command-line options of the class run.</summary>
internal sealed record ClassRunOptions(int Learners, int? KillAfter, int Jobs, string? Work)
{
    public static ClassRunOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var learners = int.Parse(Value("--learners") ?? "100", CultureInfo.InvariantCulture);
        return new ClassRunOptions(learners, int.Parse(Value("--kill-after") ?? (learners / 3).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Value("--jobs") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), Value("--work"));
    }
}
