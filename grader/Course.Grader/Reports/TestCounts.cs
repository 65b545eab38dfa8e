using Course.Grader.Results;

namespace Course.Grader.Reports;

/// <summary>
/// Why the grade's test count can differ from `dotnet test`'s: the grader scores a test method once, `dotnet test`
/// counts every data row of a theory.
/// </summary>
public static class TestCounts
{
    /// <summary>A one-line explanation, or null when both counts agree.</summary>
    public static string? Explain(GradeResult result)
    {
        var cases = result.Tests.Sum(t => t.Cases);
        return cases == result.Tests.Count ? null
            : $"{result.Tests.Count} graded tests = {cases} test cases as `dotnet test` counts them (each theory is graded as one test over all its data rows)";
    }
}
