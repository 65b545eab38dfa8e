namespace Course.Model.Checks;

/// <summary>One line of a check's outcome: what was checked, whether it holds, and why not.</summary>
public sealed record CheckFinding(string Check, string Subject, bool Ok, string Detail);

/// <summary>
/// What every check gets: the course, a progress sink and the days to cover (null: every day). Checks that need more
/// (a grader) take it in their constructor.
/// </summary>
public sealed record CheckContext(CourseLayout Layout, IProgress<string>? Progress = null, IReadOnlyList<int>? Days = null)
{
    /// <summary>Whether this run covers <paramref name="day"/>.</summary>
    public bool Covers(DayManifest day) => Days is null || Days.Contains(day.Day);
}

/// <summary>
/// A course consistency check run by <c>course check</c>. Each component contributes its own (the grader's in
/// <c>GraderChecks</c>, the notebooks' and the site's in Course.Notebooks); the CLI lists them in one place.
/// </summary>
public interface ICourseCheck
{
    /// <summary>The name <c>course check --only</c> selects it by.</summary>
    string Name { get; }

    Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel);
}
