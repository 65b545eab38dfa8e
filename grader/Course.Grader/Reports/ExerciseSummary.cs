using Course.Grader.Results;

namespace Course.Grader.Reports;

/// <summary>One exercise's line in a report: what passed, not only what failed.</summary>
public sealed record ExerciseSummary(int Day, string Exercise, int Passed, int Tests, double Score, double MaxScore)
{
    /// <summary>Per day and exercise, in the order the grade lists its tests.</summary>
    public static IReadOnlyList<ExerciseSummary> Of(GradeResult result) =>
        result.Tests.GroupBy(t => (t.Day, Exercise: t.Exercise ?? "unassigned"))
            .Select(g => new ExerciseSummary(g.Key.Day, g.Key.Exercise, g.Count(t => t.Passed), g.Count(),
                Math.Round(g.Sum(t => t.Score), 4), Math.Round(g.Sum(t => t.MaxScore), 4)))
            .ToList();
}
