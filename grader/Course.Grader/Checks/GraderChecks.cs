using Course.Grader.Grading;
using Course.Model.Checks;

namespace Course.Grader.Checks;

/// <summary>The grader's checks, in the order <c>course check</c> runs them, bound to one grader and its options (timeouts).</summary>
public static class GraderChecks
{
    /// <param name="extraDays">Day-like manifests outside course.json (the technical test) whose mutants are checked too.</param>
    public static IReadOnlyList<ICourseCheck> All(SubmissionGrader grader, GradeOptions options, IReadOnlyList<Course.Model.DayManifest>? extraDays = null) =>
    [
        new TwinsMatchCheck(grader), new TestsAssignedCheck(grader), new SolutionsFullMarksCheck(grader, options),
        new StubsZeroWithHintsCheck(grader, options), new MutantsLosePointsCheck(grader, options, extraDays),
    ];
}
