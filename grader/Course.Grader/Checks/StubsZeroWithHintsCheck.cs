using Course.Grader.Results;
using Course.Model.Checks;
using Course.Grader.Grading;

namespace Course.Grader.Checks;

/// <summary>Grading exercises/ (the stubs): they compile, score zero, and every failure is a NotImplementedException hint, not a crash.</summary>
public sealed class StubsZeroWithHintsCheck(SubmissionGrader grader, GradeOptions options) : ICourseCheck
{
    public string Name => "stubs";

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var result = await grader.GradeAsync(context.Layout.ExercisesDir, options with { Days = context.Days, PublicOnly = false }, context.Progress, cancel);
        return result.Days.Select(d =>
        {
            var tests = result.Tests.Where(t => t.Day == d.Day).ToList();
            var notHints = tests.Where(t => t.Passed || !IsHint(t.Output)).Select(t => $"{t.Number} {t.Name}: {(t.Passed ? "passed on the stubs" : t.Output.Split('\n')[0])}").ToList();
            var ok = d.Status == DayStatus.Graded && d.Score == 0 && notHints.Count == 0;
            var detail = ok ? $"compiles; 0/{SubmissionGrader.Fmt(d.MaxScore)}; {tests.Count} tests fail with hints"
                : $"{SubmissionGrader.Fmt(d.Score)}/{SubmissionGrader.Fmt(d.MaxScore)} {d.Status.Text()}: {string.Join("; ", d.Messages.Concat(notHints).Take(5))}";
            return new CheckFinding(Name, $"Day{d.Day:00}", ok, detail);
        }).ToList();
    }

    /// <summary>
    /// The failure comes from a stub's NotImplementedException (directly, or quoted by an assertion that expected
    /// another exception), never from a crash, a hang or a NullReferenceException.
    /// </summary>
    public static bool IsHint(string output) =>
        output.Contains("NotImplementedException", StringComparison.Ordinal)
        && !output.Contains("NullReferenceException: ", StringComparison.Ordinal) && !output.Contains("<System.NullReferenceException>", StringComparison.Ordinal)
        && !output.StartsWith("timed out", StringComparison.Ordinal)
        && !output.StartsWith("the test process crashed", StringComparison.Ordinal)
        && !output.StartsWith("the test did not report", StringComparison.Ordinal);
}
