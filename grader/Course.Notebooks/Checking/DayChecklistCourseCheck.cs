using Course.Model.Checks;

namespace Course.Notebooks.Checking;

/// <summary><c>course check</c> part: every available day meets the <see cref="DayChecklist"/> (one finding per day).</summary>
public sealed class DayChecklistCourseCheck : ICourseCheck
{
    public string Name => "checklist";

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var manifest = context.Layout.LoadManifest();
        IReadOnlyList<CheckFinding> findings = manifest.Days.Where(d => d.Available && context.Covers(d)).Select(day =>
        {
            var report = DayChecklist.Measure(context.Layout, day);
            var summary = string.Join(", ", report.Figures.Select(f => $"{f.Key}={f.Value}"));
            return new CheckFinding(Name, day.Folder, report.Passed, report.Passed ? summary : string.Join("; ", report.Problems));
        }).ToList();
        return Task.FromResult(findings);
    }
}
