namespace Course.Grader.Running;

/// <summary>What happened to one test method in the learner's run (all theory cases together; <paramref name="Cases"/>
/// counts them, as `dotnet test` would).</summary>
public sealed record TestOutcome(bool Passed, string Output, int Cases = 1);

/// <summary>One result file: the outcome per test method and the time xunit reports for running them.</summary>
public sealed record XunitReport(IReadOnlyDictionary<string, TestOutcome> Tests, TimeSpan TestTime);

/// <summary>Outcomes of one suite run plus whether any part of it timed out or crashed. <see cref="TestTime"/> is what
/// xunit spent in tests over all processes, <see cref="QueueTime"/> the wait for a free process slot;
/// <see cref="Elapsed"/> − both is copying, process start, JIT and discovery.</summary>
public sealed record SuiteOutcome(IReadOnlyDictionary<string, TestOutcome> Tests, bool TimedOut, bool Crashed, TimeSpan Elapsed, int Processes,
    TimeSpan TestTime = default, TimeSpan QueueTime = default);
