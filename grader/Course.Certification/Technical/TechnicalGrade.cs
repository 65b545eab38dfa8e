using System.Security.Cryptography;
using System.Globalization;
using Course.Certification.Results;
using Course.Grader.Grading;
using Course.Grader.Results;
using Course.Grader.Submissions;
using Course.Model;
using Course.Model.Files;

namespace Course.Certification.Technical;

/// <summary>One task's points in a technical-test result.</summary>
public sealed record TechnicalTaskScore(string Task, string Variant, double Score, double MaxScore);

/// <summary>
/// A graded technical test: <see cref="ComponentStatus.Scored"/>, <see cref="ComponentStatus.Late"/> (after start +
/// 120 min + 5 min grace: score 0) or <see cref="ComponentStatus.Rejected"/> (token invalid: score 0). Score is out of
/// 100 (T1–T5 15 each, T6 25 by held-out accuracy bands); <paramref name="ModelAccuracy"/> is T6's measured held-out
/// accuracy when the model reached the first band.
/// </summary>
public sealed record TechnicalResult(ComponentStatus Status, double Score, IReadOnlyList<TechnicalTaskScore> Tasks, DateTimeOffset? Submitted,
    string? SubmissionSha256, IReadOnlyList<string> Problems, double? ModelAccuracy = null)
{
    public bool Late => Status == ComponentStatus.Late;
    public const string T6Note = "T6 (open model task, 25 points): held-out accuracy ≥ 0.80 → 5, ≥ 0.90 → 12, ≥ 0.95 → 20, ≥ 0.97 → 25";
}

/// <summary>
/// Grades a learner's technical-test folder (<c>Technical/</c> with the .cs files) through the day grader: the drawn
/// variants become the exercises of a day-like manifest (15 points each), so the tests of variants not drawn are worth
/// nothing, and each drawn variant's public and hidden tests split its points as on every day.
/// </summary>
public static partial class TechnicalGrade
{
    public static async Task<TechnicalResult> GradeAsync(SubmissionGrader grader, string technicalFolder, string startTokenJwt, ECDsa trusted,
        string cohort, string learner, DateTimeOffset submitted, GradeOptions options, CancellationToken cancel = default)
    {
        var (token, problem) = StartToken.Verify(startTokenJwt, trusted, cohort, learner);
        if (token is null) return new TechnicalResult(ComponentStatus.Rejected, 0, [], submitted, null, [problem!]);
        var empty = token.Variants.Select(v => new TechnicalTaskScore(v.Task, v.Id, 0, v.Points)).ToList();
        if (submitted > token.Deadline)
            return new TechnicalResult(ComponentStatus.Late, 0, empty, submitted, null,
                [$"submitted {submitted.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z, after the deadline {token.Deadline.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z (start + {TechnicalPools.Minutes} min + {TechnicalPools.GraceMinutes} min grace)"]);

        var staging = Path.Combine(Path.GetTempPath(), "course-technical-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var day = Manifest(grader.Manifest.Day(10), token.Variants);
            FolderCopy.CopySources(technicalFolder, Path.Combine(staging, day.Label));
            var submission = Submission.Open(staging);
            var result = await grader.GradeAsync(new GradingPlan(submission, [day], options with { Days = [day.Day] }), null, cancel);
            var tasks = token.Variants.Select(v => new TechnicalTaskScore(v.Task, v.Id,
                Math.Round(result.Tests.Where(t => t.Exercise == v.ExerciseId).Sum(t => t.Score), 2), v.Points)).ToList();
            var dayResult = result.Days.Single();
            var problems = dayResult.Status == DayStatus.Graded ? [] : dayResult.Messages.Prepend($"technical: {dayResult.Status.Text()}").Take(6).ToList();
            return new TechnicalResult(ComponentStatus.Scored, Math.Round(tasks.Sum(t => t.Score), 2), tasks, submitted, result.SubmissionSha256, problems,
                ModelAccuracy(result.Tests.Where(t => t.Exercise == TechnicalPools.Get("T6", "open-model").ExerciseId)));
        }
        finally
        {
            try { Directory.Delete(staging, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The accuracy T6's passed band tests wrote to their output. Only passed tests count: a failure message can
    /// carry text of the learner's choosing (an exception message), a passed test's output only what the test wrote.</summary>
    public static double? ModelAccuracy(IEnumerable<TestResult> t6Tests) =>
        t6Tests.Where(t => t.Status == TestStatus.Passed)
            .Select(t => AccuracyLine().Match(t.Output))
            .Where(m => m.Success)
            .Select(m => (double?)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .FirstOrDefault();

    [System.Text.RegularExpressions.GeneratedRegex(@"^held-out accuracy ([01]\.[0-9]+)$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex AccuracyLine();

    /// <summary>The day-like manifest the grader runs: day 10's entry with the Technical project and the drawn variants as its exercises.</summary>
    public static DayManifest Manifest(DayManifest day10, IReadOnlyList<TechnicalVariant> drawn) =>
        day10 with
        {
            Available = true,
            Project = TechnicalPools.Project,
            Points = drawn.Sum(v => v.Points),
            // T6 trains a model inside the hidden suite (stopped after 90 s), beside the other tasks' tests.
            TimeLimitSeconds = Math.Max(day10.TimeLimitSeconds, 180),
            Exercises = drawn.Select(v => new ExerciseManifest(v.ExerciseId, $"{v.Task} {v.Id}", v.Points)).ToList(),
            // T6's ban covers every file: a helper file could otherwise load the test split the model is scored on.
            ForbiddenEngineApis = drawn.SelectMany(v => v.ForbiddenEngineApis.Select(api => v.Task == "T6" ? api : $"{api} @ {v.File}")).ToList(),
        };

    /// <summary>When the folder was submitted: the newest write time of its .cs files.</summary>
    public static DateTimeOffset SubmittedAt(string technicalFolder) =>
        Submission.SourceFilesOf(technicalFolder).Select(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero)).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
}
