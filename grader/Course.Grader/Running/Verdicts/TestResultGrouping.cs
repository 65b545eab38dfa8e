namespace Course.Grader.Running.Verdicts;

/// <summary>One reported test case: a fact, or one case of a theory (<paramref name="Name"/> carries its arguments).</summary>
public sealed record TestCaseResult(string Type, string Method, string Name, string Result, string? Message, string? StackTrace, string? Output = null);

/// <summary>Turns reported test cases into one outcome per test method, the unit points are given to.</summary>
public static class TestResultGrouping
{
    private const int MessageCap = 2000;

    /// <summary>Per test method: passed only when every case passed; the output joins the failure messages (never stack
    /// traces of hidden tests: <paramref name="includeStackTop"/> is for public tests only), or for a passed method
    /// what its cases wrote to their test output.</summary>
    public static IReadOnlyDictionary<string, TestOutcome> ByMethod(IEnumerable<TestCaseResult> cases, bool includeStackTop)
    {
        var byMethod = new Dictionary<string, (bool Passed, List<string> Messages, List<string> Written, int Cases)>(StringComparer.Ordinal);
        foreach (var test in cases)
        {
            var key = $"{test.Type}.{test.Method}";
            var passed = test.Result == "Pass";
            if (!byMethod.TryGetValue(key, out var entry)) entry = (true, [], [], 0);
            entry.Passed &= passed;
            entry.Cases++;
            if (passed && !string.IsNullOrWhiteSpace(test.Output)) entry.Written.Add(test.Output.Trim());
            if (!passed)
            {
                var line = CleanMessage(test.Message ?? $"test {test.Result.ToLowerInvariant()}");
                if (includeStackTop && test.StackTrace is { } stack)
                    line += "\n" + string.Join('\n', stack.Split('\n').Take(3).Select(s => s.TrimEnd()));
                entry.Messages.Add(test.Name.Contains('(') ? $"{test.Name[test.Name.IndexOf('(')..]}: {line}" : line);
            }
            byMethod[key] = entry;
        }
        return byMethod.ToDictionary(kv => kv.Key, kv => new TestOutcome(kv.Value.Passed,
            Cap(string.Join("\n", (kv.Value.Passed ? kv.Value.Written : kv.Value.Messages).Distinct())), kv.Value.Cases));
    }

    /// <summary>"System.NotImplementedException : hint" → keep the type short and the hint whole.</summary>
    private static string CleanMessage(string message)
    {
        var m = message.Trim();
        if (m.StartsWith("System.", StringComparison.Ordinal) && m.IndexOf(" : ", StringComparison.Ordinal) is var i and > 0)
            m = m[7..i] + ": " + m[(i + 3)..];
        return m;
    }

    /// <summary>Capped, and without control characters (a message must not rewrite the instructor's terminal).</summary>
    private static string Cap(string s)
    {
        var clean = new string(s.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());
        return clean.Length <= MessageCap ? clean : clean[..MessageCap] + " …";
    }
}
