namespace Course.Grader.Running;

/// <summary>What happened to one test method in the learner's run (all theory cases together).</summary>
public sealed record TestOutcome(bool Passed, string Output);

/// <summary>Outcomes of one suite run plus whether any part of it timed out or crashed.</summary>
public sealed record SuiteOutcome(IReadOnlyDictionary<string, TestOutcome> Tests, bool TimedOut, bool Crashed, TimeSpan Elapsed, int Processes);
