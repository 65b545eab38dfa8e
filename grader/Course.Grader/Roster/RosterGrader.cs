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
/// junit.xml). Learners run in parallel up to the core count; each learner's folder is written to a temporary name
/// and renamed when complete, so a run killed half-way leaves only complete folders, and a restart skips exactly those.
/// One learner's failure is recorded in the summary and never stops the others.
/// </summary>
public sealed class RosterGrader(SubmissionGrader grader)
{
    public const string PartialPrefix = ".partial-";

    /// <summary>Checks the roster before anything is written: every sub-folder must be a submission.</summary>
    public static IReadOnlyList<(string Learner, string Folder)> ReadRoster(string rosterDir)
    {
        if (!Directory.Exists(rosterDir)) throw new GradingException($"{rosterDir}: roster folder not found");
        var learners = Directory.EnumerateDirectories(rosterDir)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => (Path.GetFileName(d), d))
            .ToList();
        if (learners.Count == 0) throw new GradingException($"{rosterDir}: roster has no learner folders (expected one sub-folder per learner)");
        foreach (var (name, folder) in learners) Submission.Open(folder); // throws naming the malformed learner folder
        return learners;
    }

    /// <summary>Grades the learners of <paramref name="shard"/> (default: the whole roster) into <paramref name="outDir"/>.</summary>
    public async Task<IReadOnlyList<LearnerSummary>> GradeAsync(
        string rosterDir, string outDir, GradeOptions options, Action<string, LearnerSummary>? onLearnerDone = null, CancellationToken cancel = default,
        RosterShard? shard = null)
    {
        var learners = (shard ?? RosterShard.Whole).Select(ReadRoster(rosterDir), l => l.Learner);
        Directory.CreateDirectory(outDir);
        foreach (var stale in Directory.EnumerateDirectories(outDir, PartialPrefix + "*")) Directory.Delete(stale, recursive: true);

        var slots = options.ProcessSlots ?? new SemaphoreSlim(options.MaxParallelism ?? Environment.ProcessorCount);
        var learnerOptions = options with { ProcessSlots = slots, HiddenPaths = [.. options.HiddenPaths, Path.GetFullPath(rosterDir), Path.GetFullPath(outDir)] };
        var summaries = new LearnerSummary[learners.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, learners.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount, CancellationToken = cancel },
            async (i, ct) =>
            {
                var (learner, folder) = learners[i];
                var final = Path.Combine(outDir, learner);
                LearnerSummary summary;
                if (File.Exists(Path.Combine(final, "results.json")))
                {
                    summary = new LearnerSummary(learner, LearnerStatus.AlreadyGraded, GradescopeJson.Parse(await File.ReadAllTextAsync(Path.Combine(final, "results.json"), ct)), null);
                }
                else
                {
                    try
                    {
                        var result = await grader.GradeAsync(folder, learnerOptions, null, ct);
                        WriteLearnerFolder(outDir, learner, result);
                        summary = new LearnerSummary(learner, LearnerStatus.Graded, result, null);
                    }
                    catch (Exception e) when (e is GradingException or IOException)
                    {
                        summary = new LearnerSummary(learner, LearnerStatus.Error, null, e.Message);
                    }
                }
                summaries[i] = summary;
                onLearnerDone?.Invoke(learner, summary);
            });
        ReportFiles.WriteAtomically(Path.Combine(outDir, RosterRun.FileName), RosterRun.Of(grader, options, shard ?? RosterShard.Whole).Render());
        ReportFiles.WriteAtomically(Path.Combine(outDir, "summary.csv"), SummaryCsv(summaries));
        return summaries;
    }

    private static void WriteLearnerFolder(string outDir, string learner, GradeResult result)
    {
        var partial = Path.Combine(outDir, PartialPrefix + learner + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, "results.json"), GradescopeJson.Render(result));
        File.WriteAllText(Path.Combine(partial, "report.md"), MarkdownReport.Render(result));
        File.WriteAllText(Path.Combine(partial, "junit.xml"), JUnitXml.Render(result));
        var final = Path.Combine(outDir, learner);
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true); // an earlier incomplete folder without results.json
        Directory.Move(partial, final);
    }

    public static string SummaryCsv(IEnumerable<LearnerSummary> summaries)
    {
        var list = summaries.ToList();
        var days = list.Where(s => s.Result is not null).SelectMany(s => s.Result!.Days.Select(d => d.Day)).Distinct().Order().ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', new[] { "learner", "status", "score", "max_score" }.Concat(days.Select(d => $"day{d:00}")).Append("submission_sha256").Append("error")));
        foreach (var s in list)
        {
            var r = s.Result;
            var cells = new List<string> { Csv(s.Learner), (s.Status == LearnerStatus.AlreadyGraded ? LearnerStatus.Graded : s.Status).Text(), F(r?.Score), F(r?.MaxScore) };
            cells.AddRange(days.Select(d => r?.Days.FirstOrDefault(x => x.Day == d) is { } day ? (day.Status == DayStatus.Graded ? F(day.Score) : $"{F(day.Score)} ({day.Status.Text()})") : ""));
            cells.Add(r?.SubmissionSha256 ?? "");
            cells.Add(Csv(s.Error ?? ""));
            csv.AppendLine(string.Join(',', cells));
        }
        return csv.ToString();
    }

    private static string F(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
    private static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
