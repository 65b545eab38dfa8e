using System.Diagnostics;
using System.Globalization;
using Course.Grader.Building;
using Course.Model;
using Course.Grader.Policy;
using Course.Grader.Results;
using Course.Grader.Running;
using Course.Grader.Submissions;
using Course.Grader.Suites;

namespace Course.Grader.Grading;

/// <summary>
/// Grades a submission, per day as a chain of stages: open the submission → bind the learner's sources
/// (<see cref="LearnerCompiler.Bind"/>) → policy scan (<see cref="PolicyScanner"/>) → emit the assembly
/// (<see cref="LearnerCompiler.Emit"/>) → run the cached public and hidden suites against it in the sandbox
/// (<see cref="SuiteRunner"/>) → test results and points (<see cref="PointAllocation"/>). Reports are written from the
/// <see cref="GradeResult"/> by <c>Reports/ReportFiles</c>. Days are independent: one day's compile error, policy
/// violation, timeout or crash never touches another day's score.
/// </summary>
public sealed class SubmissionGrader
{
    private readonly CourseLayout layout;
    private readonly CourseManifest manifest;
    private readonly TestCache cache;

    public SubmissionGrader(CourseLayout layout)
    {
        this.layout = layout;
        manifest = CourseManifest.Load(layout.ManifestPath);
        cache = new TestCache(layout);
    }

    public CourseManifest Manifest => manifest;
    public CourseLayout Layout => layout;
    public TestCache Cache => cache;

    /// <summary>Checks the options against the course and submission before any work (bad input → <see cref="GradingException"/>).</summary>
    public GradingPlan Plan(string submissionPath, GradeOptions options)
    {
        var submission = Submission.Open(submissionPath);
        IReadOnlyList<DayManifest> days;
        if (options.Days is { Count: > 0 } requested)
        {
            days = requested.Distinct().Order().Select(d =>
            {
                var day = manifest.Day(d);
                if (!day.Available || string.IsNullOrEmpty(day.Project)) throw new GradingException($"day {d} has no exercises to grade yet");
                if (!submission.DayFolders.ContainsKey(d)) throw new GradingException($"{submissionPath}: no {day.Project}/ folder for day {d}");
                return day;
            }).ToList();
        }
        else
        {
            days = manifest.GradableDays.ToList();
        }
        return new GradingPlan(submission, days, options);
    }

    public Task<GradeResult> GradeAsync(string submissionPath, GradeOptions options, IProgress<string>? progress = null, CancellationToken cancel = default) =>
        GradeAsync(Plan(submissionPath, options), progress, cancel);

    public async Task<GradeResult> GradeAsync(GradingPlan plan, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        var (submission, days, options) = plan;
        var watch = Stopwatch.StartNew();
        var slots = options.ProcessSlots ?? new SemaphoreSlim(options.MaxParallelism ?? Environment.ProcessorCount);
        var sandbox = new Sandbox([layout.Root, submission.Root, .. options.HiddenPaths],
            options.MemoryLimitBytes ?? manifest.Grading.MemoryLimitMb * 1024L * 1024L);

        // One day compiles at a time, in day order: Roslyn spreads a compilation over the cores by itself, and all days
        // compiling at once only kept the first day's tests waiting for the last day's compile while the blocked thread
        // pool was slow to start and read the test processes.
        using var compileTurn = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var grading = new List<Task<(DayResult Day, List<TestResult> Tests)>>();
        await cache.BuildMissingAsync(days, progress, cancel);
        try
        {
            // Each day is graded as soon as its cached tests are found, so checking the next days' caches overlaps the
            // first days' work (missing caches were all built above, in one build).
            foreach (var day in days)
            {
                progress?.Report($"{day.Label}: preparing tests");
                var cached = await cache.GetAsync(day, cancel);
                grading.Add(GradeDayAsync(submission, cached, options, sandbox, slots, compileTurn, progress, stop.Token));
            }
        }
        catch
        {
            // A day whose tests cannot be prepared fails the whole grading: the days already started are stopped.
            await stop.CancelAsync();
            await ((Task)Task.WhenAll(grading)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        var graded = await Task.WhenAll(grading);
        var tests = graded.SelectMany(g => g.Tests).ToList();
        var dayResults = graded.Select(g => g.Day).ToList();
        var extra = submission.DayFolders.Keys.Where(d => days.All(x => x.Day != d)).ToList();
        var output = $"Graded {dayResults.Count} day(s){(options.PublicOnly ? " (public tests only)" : "")}: " +
            string.Join(", ", dayResults.Select(d => $"Day {d.Day} {Fmt(d.Score)}/{Fmt(d.MaxScore)} {d.Status.Text()}")) +
            (extra.Count > 0 && options.Days is null ? $". Not graded (no exercises yet): {string.Join(", ", extra.Select(d => $"Day{d:00}"))}" : "");
        return new GradeResult
        {
            Score = Math.Round(dayResults.Sum(d => d.Score), 4),
            MaxScore = Math.Round(dayResults.Sum(d => d.MaxScore), 4),
            ExecutionTime = Math.Round(watch.Elapsed.TotalSeconds, 3),
            Output = output,
            Tests = tests,
            Days = dayResults,
            SubmissionSha256 = submission.Sha256(days.Select(d => d.Day)),
            PublicOnly = options.PublicOnly,
            Sandbox = Sandbox.Describe(),
        };
    }

    private async Task<(DayResult Day, List<TestResult> Tests)> GradeDayAsync(
        Submission submission, CachedDay cached, GradeOptions options, Sandbox sandbox, SemaphoreSlim slots, SemaphoreSlim compileTurn,
        IProgress<string>? progress, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var day = cached.Day;
        var hidden = options.PublicOnly ? null : cached.Hidden;
        var points = PointAllocation.Allocate(day, manifest.Grading, cached.Public.Tests, cached.Hidden?.Tests);
        var suites = hidden is null ? new[] { cached.Public } : options.HiddenOnly ? [hidden] : [cached.Public, hidden];

        if (!submission.DayFolders.TryGetValue(day.Day, out var folder))
            return Zero(DayStatus.CompileError, [$"{day.Project}/ is missing from the submission"], "not run: the day is missing from the submission");

        await compileTurn.WaitAsync(cancel);
        var compileWatch = Stopwatch.StartNew();
        IReadOnlyList<PolicyViolation> violations;
        CompileOutcome? compiled = null;
        try
        {
            progress?.Report($"{day.Label}: compiling");
            var compilation = await Task.Run(() => LearnerCompiler.Bind(folder, submission.Root, cached), cancel);
            violations = options.SkipPolicy ? [] : PolicyScanner.Scan(compilation, day.ForbiddenEngineApis);
            if (violations.Count == 0) compiled = await Task.Run(() => LearnerCompiler.Emit(compilation), cancel);
        }
        finally { compileTurn.Release(); }
        if (violations.Count > 0)
            return Zero(DayStatus.PolicyViolation, violations.Select(v => v.ToString()).ToList(), "not run: the day violates the submission policy");
        if (compiled is not { Succeeded: true })
            return Zero(DayStatus.CompileError, compiled!.Errors.Select(e => e.ToString()).ToList(), "not run: the day does not compile");

        var compileSeconds = compileWatch.Elapsed.TotalSeconds;
        var limits = new RunLimits(options.DayTimeout ?? TimeSpan.FromSeconds(day.TimeLimitSeconds > 0 ? day.TimeLimitSeconds : manifest.Grading.DayTimeoutSeconds),
            options.TestTimeout ?? TimeSpan.FromSeconds(manifest.Grading.TestTimeoutSeconds));
        var runner = new SuiteRunner(sandbox, slots);
        progress?.Report($"{day.Label}: running tests");
        // The hidden suite runs longest: it asks for a process slot first, so no long run is left to start last.
        var runs = new Task<SuiteOutcome>[suites.Length];
        for (var i = suites.Length - 1; i >= 0; i--) runs[i] = runner.RunAsync(suites[i], cached.DayAssemblyName, compiled.Assembly!, limits, cancel);
        var outcomes = await Task.WhenAll(runs);

        var tests = new List<TestResult>();
        for (var i = 0; i < suites.Length; i++)
            tests.AddRange(Results(day, suites[i], points, t => outcomes[i].Tests.TryGetValue(t.FullName, out var o) ? o : new TestOutcome(false, "did not run")));
        var status = outcomes.Any(o => o.TimedOut) ? DayStatus.Timeout : outcomes.Any(o => o.Crashed) ? DayStatus.Crashed : DayStatus.Graded;
        var messages = compiled.Warnings.Select(w => "warning: " + w).Take(10).ToList();
        if (status != DayStatus.Graded)
            messages.Insert(0, $"some tests {(status == DayStatus.Timeout ? "timed out" : "crashed the test process")}; only those tests lost their points");
        progress?.Report($"{day.Label}: done");
        var publicRun = suites[0] == cached.Public ? outcomes[0] : null;
        var hiddenRun = suites[^1] == hidden ? outcomes[^1] : null;
        var timings = new DayTimings
        {
            Compile = Math.Round(compileSeconds, 3),
            PublicWall = Math.Round(publicRun?.Elapsed.TotalSeconds ?? 0, 3),
            PublicQueue = Math.Round(publicRun?.QueueTime.TotalSeconds ?? 0, 3),
            PublicTests = Math.Round(publicRun?.TestTime.TotalSeconds ?? 0, 3),
            HiddenWall = Math.Round(hiddenRun?.Elapsed.TotalSeconds ?? 0, 3),
            HiddenQueue = Math.Round(hiddenRun?.QueueTime.TotalSeconds ?? 0, 3),
            HiddenTests = Math.Round(hiddenRun?.TestTime.TotalSeconds ?? 0, 3),
            Processes = outcomes.Sum(o => o.Processes),
        };
        return (MakeDay(day, tests, status, messages, watch.Elapsed) with { Timings = timings }, tests);

        (DayResult, List<TestResult>) Zero(DayStatus status, List<string> messages, string testOutput)
        {
            var tests = suites.SelectMany(s => Results(day, s, points, _ => new TestOutcome(false, testOutput))).ToList();
            return (MakeDay(day, tests, status, messages, watch.Elapsed), tests);
        }
    }

    private static IEnumerable<TestResult> Results(DayManifest day, TestSuite suite, IReadOnlyDictionary<(TestVisibility, string), double> points, Func<TestMethod, TestOutcome> outcomeOf)
    {
        var index = new Dictionary<string, int>();
        foreach (var test in suite.Tests.OrderBy(t => t.Exercise ?? "~", StringComparer.Ordinal).ThenBy(t => t.FullName, StringComparer.Ordinal))
        {
            var outcome = outcomeOf(test);
            var max = points[(suite.Visibility, test.FullName)];
            var exercise = test.Exercise ?? "unassigned";
            var n = index[exercise] = index.GetValueOrDefault(exercise) + 1;
            var hidden = suite.Visibility == TestVisibility.Hidden;
            yield return new TestResult
            {
                Name = hidden ? $"[hidden] {test.Method}" : $"{ShortClass(test.Class)}.{test.Method}",
                Number = $"{exercise}.{(hidden ? "h" : "p")}{n}",
                Score = outcome.Passed ? Math.Round(max, 4) : 0,
                MaxScore = Math.Round(max, 4),
                Status = outcome.Passed ? TestStatus.Passed : TestStatus.Failed,
                Output = outcome.Output,
                Visibility = hidden ? "after_published" : "visible",
                Tags = [$"day{day.Day}", exercise, hidden ? "hidden" : "public"],
                Day = day.Day,
                Exercise = test.Exercise,
                Cases = Math.Max(1, outcome.Cases),
            };
        }
    }

    private static DayResult MakeDay(DayManifest day, List<TestResult> tests, DayStatus status, List<string> messages, TimeSpan elapsed) => new()
    {
        Day = day.Day,
        Score = Math.Round(tests.Sum(t => t.Score), 4),
        MaxScore = Math.Round(tests.Sum(t => t.MaxScore), 4),
        Status = status,
        Messages = messages,
        ExecutionTime = Math.Round(elapsed.TotalSeconds, 3),
    };

    private static string ShortClass(string cls) => cls[(cls.LastIndexOf('.') + 1)..];

    public static string Fmt(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
