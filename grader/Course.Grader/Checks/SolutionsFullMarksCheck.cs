using Course.Grader.Grading;
using Course.Grader.Results;
using Course.Model;

namespace Course.Grader.Checks;

/// <summary>Grading solutions/ gives every day full marks.</summary>
public sealed class SolutionsFullMarksCheck(SubmissionGrader grader, GradeOptions options) : GradedTreeCheck(grader, options)
{
    public override string Name => "solutions";

    protected override string Tree(CourseLayout layout) => layout.SolutionsDir;

    protected override (bool Ok, string Detail, IEnumerable<string> Problems) Judge(DayResult day, IReadOnlyList<TestResult> tests)
    {
        var ok = day.Status == DayStatus.Graded && day.Score == day.MaxScore && day.MaxScore > 0;
        var failed = tests.Where(t => !t.Passed).Select(t => $"{t.Number} {t.Name}: {t.Output.Split('\n')[0]}");
        return (ok, $"{SubmissionGrader.Fmt(day.Score)}/{SubmissionGrader.Fmt(day.MaxScore)} in {day.ExecutionTime:0.0} s", failed);
    }
}
