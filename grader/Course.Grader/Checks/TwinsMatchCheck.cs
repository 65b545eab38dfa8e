using Course.Grader.Grading;
using Course.Model.Checks;
using Course.Model.Files;
using Course.Grader.Consistency;

namespace Course.Grader.Checks;

/// <summary>exercises/DayNN and solutions/DayNN have the same files and the same public API.</summary>
public sealed class TwinsMatchCheck(SubmissionGrader grader) : ICourseCheck
{
    public string Name => "twins";

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var findings = new List<CheckFinding>();
        foreach (var day in grader.Manifest.GradableDays.Where(context.Covers))
            findings.Add(Compare(Path.Combine(context.Layout.ExercisesDir, day.Project!), Path.Combine(context.Layout.SolutionsDir, day.Project!), day.Label));
        return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
    }

    public static CheckFinding Compare(string stubs, string solutions, string subject)
    {
        if (!Directory.Exists(stubs) || !Directory.Exists(solutions))
            return new CheckFinding("twins", subject, false, $"missing {(Directory.Exists(stubs) ? solutions : stubs)}");
        var a = Files(stubs);
        var b = Files(solutions);
        var fileDiff = a.Except(b).Select(f => $"only in exercises: {f}").Concat(b.Except(a).Select(f => $"only in solutions: {f}")).ToList();
        if (fileDiff.Count > 0) return new CheckFinding("twins", subject, false, string.Join("; ", fileDiff));
        var api = PublicApiSurface.Differences(PublicApiSurface.Of(stubs), PublicApiSurface.Of(solutions));
        return api.Count == 0
            ? new CheckFinding("twins", subject, true, $"{a.Count} files, identical public API")
            : new CheckFinding("twins", subject, false, "public API differs (- exercises, + solutions): " + string.Join("; ", api.Take(5)));
    }

    private static List<string> Files(string root) =>
        SourceFiles.Relative(root, "*").ToList();
}
