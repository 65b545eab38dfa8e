using Course.Model.Checks;
using Course.Grader.Grading;
using Course.Model;
using Course.Model.Files;
using Course.Grader.Results;

namespace Course.Grader.Checks;

/// <summary>A deliberately buggy solution: tests/Mutants/DayNN/&lt;ID&gt;/ with MUTANT.md and, per changed solution file,
/// either <c>File.cs.mutation</c> hunks (<see cref="MutationPatch"/>) or a whole replacement <c>File.cs</c>.
/// A stand-in (every algorithm of the day replaced by its simplest form) says "Must score at most N/100" in its
/// MUTANT.md: it must then also score at most <see cref="MaxScore"/> points in all.</summary>
public sealed record Mutant(DayManifest Day, string Id, string Folder, string Description, double? MaxScore = null);

/// <summary>How a mutant fared: hidden points lost (killed) or not.</summary>
public sealed record MutantOutcome(Mutant Mutant, bool Killed, double HiddenScore, double HiddenMax, string Detail);

/// <summary>Finds mutants and grades each one overlaid on the reference solution.</summary>
public static partial class Mutants
{
    [System.Text.RegularExpressions.GeneratedRegex(@"Must score at most (\d+(?:\.\d+)?)/100")]
    private static partial System.Text.RegularExpressions.Regex ScoreCap();

    /// <param name="extraDays">Day-like manifests beyond course.json's gradable days (the technical test), found under their project's folder.</param>
    public static IReadOnlyList<Mutant> Discover(CourseLayout layout, CourseManifest manifest, IReadOnlyList<DayManifest>? extraDays = null)
    {
        var list = new List<Mutant>();
        foreach (var day in manifest.GradableDays.Concat(extraDays ?? []))
        {
            var dir = Path.Combine(layout.MutantsDir, day.Project!);
            if (!Directory.Exists(dir)) continue;
            foreach (var m in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
            {
                var md = Path.Combine(m, "MUTANT.md");
                var text = File.Exists(md) ? File.ReadAllText(md) : "";
                var description = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim().TrimStart('#', ' ') ?? "";
                var cap = ScoreCap().Match(text);
                double? maxScore = cap.Success ? double.Parse(cap.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * day.Points / 100 : null;
                list.Add(new Mutant(day, Path.GetFileName(m), m, description, maxScore));
            }
        }
        return list;
    }

    public static async Task<MutantOutcome> GradeAsync(SubmissionGrader grader, GradeOptions options, Mutant mutant, CancellationToken cancel)
    {
        if (mutant.Description.Length == 0) return new MutantOutcome(mutant, false, 0, 0, "MUTANT.md is missing or has no description line");
        var solution = Path.Combine(grader.Layout.SolutionsDir, mutant.Day.Project!);
        var overlay = MutationPatch.OverlayOf(mutant.Folder);
        if (overlay.Count == 0) return new MutantOutcome(mutant, false, 0, 0, "no .cs or .cs.mutation files to overlay");
        var missing = overlay.Select(o => o.Target).Where(r => !File.Exists(Path.Combine(solution, r))).ToList();
        if (missing.Count > 0) return new MutantOutcome(mutant, false, 0, 0, $"replaces files not in solutions/{mutant.Day.Project}: {string.Join(", ", missing)}");

        var submission = Path.Combine(Path.GetTempPath(), "course-mutant-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var target = Path.Combine(submission, mutant.Day.Label);
            FolderCopy.CopySources(solution, target);
            try { MutationPatch.Overlay(mutant.Folder, target); }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                return new MutantOutcome(mutant, false, 0, 0, e.Message);
            }

            // A stand-in is judged on the whole day's score; any other mutant on hidden points alone, so its public suite is not run.
            // The plan names the mutant's own day manifest, so a day-like manifest outside course.json grades too.
            var result = await grader.GradeAsync(new GradingPlan(Course.Grader.Submissions.Submission.Open(submission), [mutant.Day],
                options with { Days = [mutant.Day.Day], PublicOnly = false, HiddenOnly = mutant.MaxScore is null }), null, cancel);
            var day = result.Days.Single();
            var hidden = result.Tests.Where(t => t.Hidden).ToList();
            var hiddenScore = hidden.Sum(t => t.Score);
            var hiddenMax = hidden.Sum(t => t.MaxScore);
            var lostHidden = day.Status is not (DayStatus.CompileError or DayStatus.PolicyViolation) && hiddenScore < hiddenMax - 1e-9;
            var underCap = mutant.MaxScore is not { } cap || day.Score <= cap + 1e-9;
            var killed = lostHidden && underCap;
            var killers = hidden.Where(t => !t.Passed).Select(t => t.Name.Replace("[hidden] ", "")).Take(3).ToList();
            var detail = day.Status is DayStatus.CompileError or DayStatus.PolicyViolation
                ? $"the mutant does not build ({day.Status.Text()}): {string.Join("; ", day.Messages.Take(2))}"
                : !underCap ? $"a stand-in must score at most {SubmissionGrader.Fmt(mutant.MaxScore!.Value)}, it scores {SubmissionGrader.Fmt(day.Score)}/{SubmissionGrader.Fmt(day.MaxScore)}"
                : killed ? $"{(mutant.MaxScore is null ? "" : $"scores {SubmissionGrader.Fmt(day.Score)}/{SubmissionGrader.Fmt(day.MaxScore)}; ")}hidden {SubmissionGrader.Fmt(hiddenScore)}/{SubmissionGrader.Fmt(hiddenMax)}; killed by {string.Join(", ", killers)}"
                : $"survives: hidden {SubmissionGrader.Fmt(hiddenScore)}/{SubmissionGrader.Fmt(hiddenMax)}";
            return new MutantOutcome(mutant, killed, hiddenScore, hiddenMax, detail);
        }
        finally
        {
            try { Directory.Delete(submission, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>Every mutant loses hidden-test points when overlaid on the solution.</summary>
public sealed class MutantsLosePointsCheck(SubmissionGrader grader, GradeOptions options, IReadOnlyList<DayManifest>? extraDays = null) : ICourseCheck
{
    public string Name => "mutants";

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var mutants = Mutants.Discover(context.Layout, grader.Manifest, extraDays).Where(m => context.Covers(m.Day)).ToList();
        var outcomes = new CheckFinding[mutants.Count];
        // Two mutants at a time: one compiles while the other's test processes start, so both cores stay busy.
        await Parallel.ForEachAsync(Enumerable.Range(0, mutants.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancel },
            async (i, ct) =>
            {
                var mutant = mutants[i];
                context.Progress?.Report($"mutant {mutant.Id}");
                var o = await Mutants.GradeAsync(grader, options, mutant, ct);
                outcomes[i] = new CheckFinding(Name, $"{mutant.Id} {mutant.Description}", o.Killed, o.Detail);
            });
        return outcomes;
    }
}
