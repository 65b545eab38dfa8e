using Course.Grader.Grading;
using Course.Grader.Results;
using Course.Model;
using Course.Model.Checks;

namespace Course.Grader.Checks;

/// <summary>
/// A check that grades one of the course's own trees (solutions/ or exercises/) with every hidden test and judges
/// each day's result; a day that fails is reported with its score, status and first few problems.
/// </summary>
public abstract class GradedTreeCheck(SubmissionGrader grader, GradeOptions options) : ICourseCheck
{
    public abstract string Name { get; }

    /// <summary>The folder to grade.</summary>
    protected abstract string Tree(CourseLayout layout);

    /// <summary>Whether the day is as it must be; the detail shown when it is; the problems when it is not.</summary>
    protected abstract (bool Ok, string Detail, IEnumerable<string> Problems) Judge(DayResult day, IReadOnlyList<TestResult> tests);

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var result = await grader.GradeAsync(Tree(context.Layout), options with { Days = context.Days, PublicOnly = false }, context.Progress, cancel);
        return result.Days.Select(d =>
        {
            var (ok, detail, problems) = Judge(d, result.Tests.Where(t => t.Day == d.Day).ToList());
            if (!ok)
                detail = $"{SubmissionGrader.Fmt(d.Score)}/{SubmissionGrader.Fmt(d.MaxScore)} {d.Status.Text()}: {string.Join("; ", d.Messages.Concat(problems).Take(5))}";
            return new CheckFinding(Name, $"Day{d.Day:00}", ok, detail);
        }).ToList();
    }
}
