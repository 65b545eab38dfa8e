using Course.Grader.Results;
using Course.Model.Checks;
using Course.Grader.Grading;

namespace Course.Grader.Checks;

/// <summary>Grading solutions/ gives every day full marks.</summary>
public sealed class SolutionsFullMarksCheck(SubmissionGrader grader, GradeOptions options) : ICourseCheck
{
    public string Name => "solutions";

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var result = await grader.GradeAsync(context.Layout.SolutionsDir, options with { Days = context.Days, PublicOnly = false }, context.Progress, cancel);
        return result.Days.Select(d =>
        {
            var failed = result.Tests.Where(t => t.Day == d.Day && !t.Passed).Select(t => $"{t.Number} {t.Name}: {t.Output.Split('\n')[0]}").ToList();
            var ok = d.Status == DayStatus.Graded && d.Score == d.MaxScore && d.MaxScore > 0;
            var detail = ok ? $"{SubmissionGrader.Fmt(d.Score)}/{SubmissionGrader.Fmt(d.MaxScore)} in {d.ExecutionTime:0.0} s"
                : $"{SubmissionGrader.Fmt(d.Score)}/{SubmissionGrader.Fmt(d.MaxScore)} {d.Status.Text()}: {string.Join("; ", d.Messages.Concat(failed).Take(5))}";
            return new CheckFinding(Name, $"Day{d.Day:00}", ok, detail);
        }).ToList();
    }
}
