using System.Globalization;
using System.Text;
using Course.Grader.Grading;
using Course.Grader.Reports;
using Course.Grader.Results;
using Course.Grader.Submissions;

namespace Course.Grader.Roster;

/// <summary>What happened to one learner in a class run.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SnakeCaseEnumConverter<LearnerStatus>))]
public enum LearnerStatus { Graded, AlreadyGraded, Error }

/// <summary>One learner's line in the class summary.</summary>
public sealed record LearnerSummary(string Learner, LearnerStatus Status, GradeResult? Result, string? Error);

/// <summary>
/// Grades a class: one sub-folder per learner in the roster, one output folder per learner (results.json, report.md,
/// junit.xml, inputs.sha256). Learners run in parallel up to the core count; each learner's folder is written to a
/// temporary name and renamed when complete, so a run killed half-way leaves only complete folders. A restart skips a
/// learner only when the hash of their submission and of the grading options matches the one stored with the result
/// (a changed submission or other options grade again; <c>force</c> regrades everybody). One learner's failure — even
/// a folder that is no submission at all — is recorded in the summary and never stops the others; a cancelled run
/// still writes the summary of the learners it finished.
/// </summary>
public sealed class RosterGrader(SubmissionGrader grader)
{
    public const string PartialPrefix = ".partial-";

    /// <summary>Beside results.json: what was graded, with which options (<see cref="InputsKey"/>).</summary>
    public const string InputsFile = "inputs.sha256";

    /// <summary>The learners of a roster, sorted by id. Only the roster itself is checked here; a learner folder that
    /// is not a submission is reported when that learner is graded.</summary>
    public static IReadOnlyList<(string Learner, string Folder)> ReadRoster(string rosterDir)
    {
        if (!Directory.Exists(rosterDir)) throw new GradingException($"{rosterDir}: roster folder not found");
        var learners = Directory.EnumerateDirectories(rosterDir)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => (Path.GetFileName(d), d))
            .ToList();
        if (learners.Count == 0) throw new GradingException($"{rosterDir}: roster has no learner folders (expected one sub-folder per learner)");
        return learners;
    }

    /// <summary>SHA-256 of the learner's sources (all their days) and of every option that changes a score.</summary>
    public string InputsKey(string learnerFolder, GradeOptions options)
    {
        var submission = Submission.Open(learnerFolder);
        var run = RosterRun.Of(grader, options, RosterShard.Whole);
        var text = string.Join("\n", submission.Sha256(submission.DayFolders.Keys), run.CourseVersion, run.Days, run.PublicOnly ? "public-only" : "all-tests");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Grades the learners of <paramref name="shard"/> (default: the whole roster) into <paramref name="outDir"/>.</summary>
    public async Task<IReadOnlyList<LearnerSummary>> GradeAsync(
        string rosterDir, string outDir, GradeOptions options, Action<string, LearnerSummary>? onLearnerDone = null, CancellationToken cancel = default,
        RosterShard? shard = null, bool force = false)
    {
        var learners = (shard ?? RosterShard.Whole).Select(ReadRoster(rosterDir), l => l.Learner);
        Directory.CreateDirectory(outDir);
        // Only this run's learners' leftovers: shards may share one output folder, and another shard's partial folder is
        // work in progress, not a leftover.
        var mine = learners.Select(l => l.Learner).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateDirectories(outDir, PartialPrefix + "*").Where(d => mine.Contains(PartialLearner(Path.GetFileName(d)))))
            Directory.Delete(stale, recursive: true);

        var slots = options.ProcessSlots ?? new SemaphoreSlim(options.MaxParallelism ?? Environment.ProcessorCount);
        var learnerOptions = options with { ProcessSlots = slots, HiddenPaths = [.. options.HiddenPaths, Path.GetFullPath(rosterDir), Path.GetFullPath(outDir)] };
        var summaries = new LearnerSummary?[learners.Count];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, learners.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount, CancellationToken = cancel },
                async (i, ct) =>
                {
                    var (learner, folder) = learners[i];
                    var summary = await GradeLearnerAsync(learner, folder, outDir, options, learnerOptions, force, ct);
                    summaries[i] = summary;
                    onLearnerDone?.Invoke(learner, summary);
                });
        }
        finally
        {
            // Also on cancel: the summary lists whoever finished (their folders are complete), nobody half-graded.
            var done = summaries.OfType<LearnerSummary>().ToList();
            ReportFiles.WriteAtomically(Path.Combine(outDir, RosterRun.FileName), RosterRun.Of(grader, options, shard ?? RosterShard.Whole).Render());
            ReportFiles.WriteAtomically(Path.Combine(outDir, "summary.csv"), SummaryCsv(done));
        }
        return summaries.OfType<LearnerSummary>().ToList();
    }

    private async Task<LearnerSummary> GradeLearnerAsync(
        string learner, string folder, string outDir, GradeOptions options, GradeOptions learnerOptions, bool force, CancellationToken ct)
    {
        var final = Path.Combine(outDir, learner);
        try
        {
            var key = InputsKey(folder, options);
            var stored = Path.Combine(final, InputsFile);
            if (!force && File.Exists(Path.Combine(final, "results.json")) && File.Exists(stored)
                && (await File.ReadAllTextAsync(stored, ct)).Trim() == key)
                return new LearnerSummary(learner, LearnerStatus.AlreadyGraded, GradescopeJson.Parse(await File.ReadAllTextAsync(Path.Combine(final, "results.json"), ct)), null);

            var result = await grader.GradeAsync(folder, learnerOptions, null, ct);
            WriteLearnerFolder(outDir, learner, result, key);
            return new LearnerSummary(learner, LearnerStatus.Graded, result, null);
        }
        catch (Exception e) when (e is GradingException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return new LearnerSummary(learner, LearnerStatus.Error, null, e.Message);
        }
    }

    /// <summary>The learner of a partial folder's name, <c>.partial-&lt;learner&gt;-&lt;8 hex&gt;</c>.</summary>
    private static string PartialLearner(string name) => name.Length > PartialPrefix.Length + 9 ? name[PartialPrefix.Length..^9] : "";

    private static void WriteLearnerFolder(string outDir, string learner, GradeResult result, string inputsKey)
    {
        var partial = Path.Combine(outDir, PartialPrefix + learner + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, "results.json"), GradescopeJson.Render(result));
        File.WriteAllText(Path.Combine(partial, "report.md"), MarkdownReport.Render(result));
        File.WriteAllText(Path.Combine(partial, "junit.xml"), JUnitXml.Render(result));
        File.WriteAllText(Path.Combine(partial, InputsFile), inputsKey + "\n");
        var final = Path.Combine(outDir, learner);
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true); // an earlier grading of other inputs
        Directory.Move(partial, final);
    }

    public static string SummaryCsv(IEnumerable<LearnerSummary> summaries)
    {
        var list = summaries.ToList();
        var days = list.Where(s => s.Result is not null).SelectMany(s => s.Result!.Days.Select(d => d.Day)).Distinct().Order().ToList();
        var csv = new StringBuilder();
        // Numbers stay numeric: each day's score and its status are separate columns.
        csv.AppendLine(string.Join(',', new[] { "learner", "status", "score", "max_score" }
            .Concat(days.SelectMany(d => new[] { $"day{d:00}", $"day{d:00}_status" })).Append("submission_sha256").Append("error")));
        foreach (var s in list)
        {
            var r = s.Result;
            var cells = new List<string> { Csv(s.Learner), (s.Status == LearnerStatus.AlreadyGraded ? LearnerStatus.Graded : s.Status).Text(), F(r?.Score), F(r?.MaxScore) };
            foreach (var d in days)
            {
                var day = r?.Days.FirstOrDefault(x => x.Day == d);
                cells.Add(F(day?.Score));
                cells.Add(day?.Status.Text() ?? "");
            }
            cells.Add(r?.SubmissionSha256 ?? "");
            cells.Add(Csv(s.Error ?? ""));
            csv.AppendLine(string.Join(',', cells));
        }
        return csv.ToString();
    }

    private static string F(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
    private static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
