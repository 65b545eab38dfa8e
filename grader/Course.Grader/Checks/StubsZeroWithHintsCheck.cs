using Course.Grader.Results;
using Course.Model;
using Course.Grader.Grading;

namespace Course.Grader.Checks;

/// <summary>Grading exercises/ (the stubs): they compile, score zero, and every failure is a NotImplementedException hint, not a crash.</summary>
public sealed class StubsZeroWithHintsCheck(SubmissionGrader grader, GradeOptions options) : GradedTreeCheck(grader, options)
{
    public override string Name => "stubs";

    protected override string Tree(CourseLayout layout) => layout.ExercisesDir;

    protected override (bool Ok, string Detail, IEnumerable<string> Problems) Judge(DayResult day, IReadOnlyList<TestResult> tests)
    {
        var notHints = tests.Where(t => t.Passed || !IsHint(t.Output))
            .Select(t => $"{t.Number} {t.Name}: {(t.Passed ? "passed on the stubs" : t.Output.Split('\n')[0])}").ToList();
        var ok = day.Status == DayStatus.Graded && day.Score == 0 && notHints.Count == 0;
        return (ok, $"compiles; 0/{SubmissionGrader.Fmt(day.MaxScore)}; {tests.Count} tests fail with hints", notHints);
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
