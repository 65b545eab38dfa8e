using Course.Grader.Grading;
using Course.Grader.Manifest;

namespace Course.Grader.Checks;

/// <summary>One line of a check's outcome: what was checked, whether it holds, and why not.</summary>
public sealed record CheckFinding(string Check, string Subject, bool Ok, string Detail);

/// <summary>What every check gets: the course, a grader bound to it, options (timeouts) and a progress sink.</summary>
public sealed record CheckContext(CourseLayout Layout, SubmissionGrader Grader, GradeOptions Options, IProgress<string>? Progress);

/// <summary>
/// A course consistency check run by <c>course check</c>. The grader's checks are in <see cref="GraderChecks.All"/>;
/// other components (notebooks, site) add theirs to the CLI's list.
/// </summary>
public interface ICourseCheck
{
    string Name { get; }
    Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel);
}

/// <summary>The checks this library provides, in the order <c>course check</c> runs them.</summary>
public static class GraderChecks
{
    public static IReadOnlyList<ICourseCheck> All =>
        [new TwinsMatchCheck(), new TestsAssignedCheck(), new SolutionsFullMarksCheck(), new StubsZeroWithHintsCheck(), new MutantsLosePointsCheck()];
}
