namespace Course.Grader.Grading;

/// <summary>How to grade one submission.</summary>
public sealed record GradeOptions
{
    /// <summary>Days to grade; null grades every gradable day of the course.</summary>
    public IReadOnlyList<int>? Days { get; init; }

    /// <summary>Run the public tests only (what a learner can run themselves); hidden tests are neither run nor listed.</summary>
    public bool PublicOnly { get; init; }

    /// <summary>Run the hidden tests only: for checks that judge hidden points alone (mutants), not for learners' grades.</summary>
    public bool HiddenOnly { get; init; }

    /// <summary>Test-only: skip the policy scan so the runtime sandbox itself can be proven.</summary>
    public bool SkipPolicy { get; init; }

    /// <summary>Concurrent test processes; default: the core count.</summary>
    public int? MaxParallelism { get; init; }

    public TimeSpan? DayTimeout { get; init; }
    public TimeSpan? TestTimeout { get; init; }
    public long? MemoryLimitBytes { get; init; }

    /// <summary>More folders the test processes must not see (e.g. the roster holding other learners).</summary>
    public IReadOnlyList<string> HiddenPaths { get; init; } = [];

    /// <summary>Shared across concurrent gradings (roster) so the process count stays at the core count.</summary>
    public SemaphoreSlim? ProcessSlots { get; init; }
}
