using System.Diagnostics;
using Course.Grader.Building;
using Course.Model.Files;
using Course.Model.Processes;
using Course.Grader.Suites;
using Course.Grader.Running.Verdicts;

namespace Course.Grader.Running;

/// <summary>Limits for one suite run.</summary>
public sealed record RunLimits(TimeSpan DayTimeout, TimeSpan TestTimeout);

/// <summary>
/// Runs one cached test suite against a learner's Course.DayNN.dll in a child process: copies the cached test output
/// to a scratch folder, swaps the learner assembly in, and runs the xunit v3 executable with the signed-verdict
/// reporter (<see cref="SignedVerdicts"/>): only lines signed with the run's key count. When the whole run times out or crashes (stack overflow, Environment.Exit, …) the tests are
/// re-run in halves, recursively, so only the tests that hang or crash are lost.
/// </summary>
public sealed class SuiteRunner(Sandbox sandbox, SemaphoreSlim processSlots)
{
    /// <summary>Start-up and discovery of a test process, added to the per-test budget of a re-run group (generous: graders share loaded machines).</summary>
    private static readonly TimeSpan StartupSlack = TimeSpan.FromSeconds(10);

    /// <summary>How far past its day timeout a suite may run while isolating hanging or crashing tests: a hostile day
    /// costs its timeout plus this, never the sum of its re-runs.</summary>
    public static readonly TimeSpan OverrunAllowance = TimeSpan.FromSeconds(60);

    public async Task<SuiteOutcome> RunAsync(TestSuite suite, string dayAssemblyName, byte[] learnerAssembly, RunLimits limits, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var scratch = Path.Combine(Path.GetTempPath(), "course-grade-" + Guid.NewGuid().ToString("N")[..12]);
        var runDir = Path.Combine(scratch, "run");
        var resultsDir = Path.Combine(scratch, "results-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(runDir);
            Directory.CreateDirectory(resultsDir);
            // The reference day's symbols stay behind (they would describe the reference sources, not the learner's).
            FolderCopy.Copy(suite.OutputDir, runDir, rel =>
                !rel.Contains('/') && rel.EndsWith(".pdb", StringComparison.Ordinal) && rel.StartsWith(dayAssemblyName, StringComparison.Ordinal));
            await File.WriteAllBytesAsync(Path.Combine(runDir, dayAssemblyName + ".dll"), learnerAssembly, cancel);

            var state = new RunState(suite, scratch, runDir, resultsDir, limits);
            await RunGroupAsync(state, suite.Tests.ToList(), whole: true, limits.DayTimeout, cancel);
            return new SuiteOutcome(state.Results, state.TimedOut, state.Crashed || state.Forged, watch.Elapsed, state.Processes, state.TestTime, state.QueueTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // The scratch folder vanished or became unusable mid-run: this suite's tests are lost, the grading goes on.
            var lost = new TestOutcome(false, $"the test run could not complete (its scratch folder became unusable: {e.GetType().Name})");
            return new SuiteOutcome(suite.Tests.ToDictionary(t => t.FullName, _ => lost, StringComparer.Ordinal), false, true, watch.Elapsed, 0);
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task RunGroupAsync(RunState state, List<TestMethod> group, bool whole, TimeSpan timeout, CancellationToken cancel)
    {
        if (group.Count == 0) return;
        var verdictFile = Path.Combine(state.ResultsDir, $"run-{Interlocked.Increment(ref state.Processes)}.verdicts");
        var verdicts = new SignedVerdicts();
        var args = new List<string> { state.Suite.EntryAssembly, "-noLogo", "-noColor", "-noAutoReporters", "-reporter", "verdict" };
        if (!whole) foreach (var t in group) { args.Add("-method"); args.Add(t.FullName); }

        var (outcome, killedAtLimit) = await RunProcessAsync(state, args, timeout, verdicts.Handshake(verdictFile), cancel);

        var read = outcome.TimedOut ? new VerdictRead.Missing() : verdicts.Read(verdictFile, state.Suite.Visibility == TestVisibility.Public);
        if (read is VerdictRead.Forged forged)
        {
            // Re-running would only hand the same code another chance: the group's tests fail, the rest of the day stands.
            state.Forged = true;
            foreach (var t in group)
                state.Results[t.FullName] = new TestOutcome(false, $"the run's results failed verification ({forged.Reason}): they were changed after the tests reported them");
            return;
        }
        if (read is VerdictRead.Verified { Report: var report })
        {
            state.TestTime += report.TestTime;
            foreach (var t in group)
                state.Results[t.FullName] = report.Tests.TryGetValue(t.FullName, out var r)
                    ? r
                    : new TestOutcome(false, "the test did not report a result (did the assembly's public API change?)");
            return;
        }

        if (group.Count == 1)
        {
            if (outcome.TimedOut) state.TimedOut = true; else state.Crashed = true;
            state.Results[group[0].FullName] = new TestOutcome(false, outcome.TimedOut
                ? $"timed out after {timeout.TotalSeconds:0.#} s (the test process was killed)"
                : killedAtLimit is { } limit
                    ? $"the test process was killed: out of memory (all its processes together may use {limit / (1024 * 1024)} MB)"
                    : $"the test process crashed (exit code {outcome.ExitCode}){CrashHint(outcome)}");
            return;
        }
        var half = group.Count / 2;
        foreach (var part in new[] { group[..half], group[half..] })
        {
            var left = state.Limits.DayTimeout + OverrunAllowance - state.Clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                state.TimedOut = true;
                foreach (var t in part)
                    state.Results[t.FullName] = new TestOutcome(false, "not run: the day's time limit was used up by tests that hang or crash");
                continue;
            }
            var partTimeout = TimeSpan.FromTicks(Math.Min(Math.Min(state.Limits.DayTimeout.Ticks, left.Ticks),
                (state.Limits.TestTimeout * part.Count + StartupSlack).Ticks));
            await RunGroupAsync(state, part, whole: false, partTimeout, cancel);
        }
    }

    /// <summary>One sandboxed test process in a memory group of its own, removed when the process is done; also the
    /// group's limit when the kernel killed the process for passing it.</summary>
    private async Task<(ChildOutcome Outcome, long? KilledAtLimit)> RunProcessAsync(
        RunState state, List<string> args, TimeSpan timeout, string handshake, CancellationToken cancel)
    {
        using var memory = sandbox.CreateMemoryGroup();
        var (file, wrapped) = sandbox.Wrap(state.Scratch, args, memory);
        var queued = Stopwatch.StartNew();
        await processSlots.WaitAsync(cancel);
        state.QueueTime += queued.Elapsed;
        try
        {
            var outcome = await ChildProcess.RunAsync(file, wrapped, state.RunDir, timeout, sandbox.Environment(state.RunDir), cancel,
                inheritEnvironment: false, standardInput: handshake);
            return (outcome, memory?.OomKilled == true ? memory.LimitBytes : null);
        }
        finally { processSlots.Release(); }
    }

    private static string CrashHint(ChildOutcome outcome)
    {
        var text = outcome.StdErr + outcome.StdOut;
        if (text.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)) return ": stack overflow";
        if (text.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase)) return ": out of memory";
        return outcome.ExitCode is 0 or 1 ? ": the process exited before reporting (Environment.Exit?)" : "";
    }

    private sealed class RunState(TestSuite suite, string scratch, string runDir, string resultsDir, RunLimits limits)
    {
        public TestSuite Suite { get; } = suite;
        public string Scratch { get; } = scratch;
        public string RunDir { get; } = runDir;
        public string ResultsDir { get; } = resultsDir;
        public RunLimits Limits { get; } = limits;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public Dictionary<string, TestOutcome> Results { get; } = new(StringComparer.Ordinal);
        public bool TimedOut;
        public bool Crashed;
        public bool Forged;
        public int Processes;
        public TimeSpan TestTime;
        public TimeSpan QueueTime;
    }
}
