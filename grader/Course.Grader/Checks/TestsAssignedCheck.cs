using Course.Grader.Grading;
using Course.Model.Checks;
using Course.Grader.Building;

namespace Course.Grader.Checks;

/// <summary>Every public and hidden test names an exercise of its day; every exercise has public and hidden tests.</summary>
public sealed class TestsAssignedCheck(SubmissionGrader grader) : ICourseCheck
{
    public string Name => "traits";

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var findings = new List<CheckFinding>();
        var days = grader.Manifest.GradableDays.Where(context.Covers).ToList();
        await grader.Cache.BuildMissingAsync(days, context.Progress, cancel);
        foreach (var day in days)
        {
            context.Progress?.Report($"{day.Label}: preparing tests");
            var cached = await grader.Cache.GetAsync(day, cancel);
            var ids = day.Exercises.Select(e => e.Id).ToHashSet();
            var all = cached.Public.Tests.Select(t => (Suite: "public", Test: t))
                .Concat((cached.Hidden?.Tests ?? []).Select(t => (Suite: "hidden", Test: t))).ToList();
            var bad = all.Where(x => x.Test.Exercise is null || !ids.Contains(x.Test.Exercise))
                .Select(x => $"{x.Suite} {x.Test.FullName} has Exercise trait '{x.Test.Exercise ?? "(none)"}'").ToList();
            var uncovered = day.Exercises
                .Where(e => !cached.Public.Tests.Any(t => t.Exercise == e.Id) || cached.Hidden is null || !cached.Hidden.Tests.Any(t => t.Exercise == e.Id))
                .Select(e => $"exercise {e.Id} lacks {(cached.Public.Tests.Any(t => t.Exercise == e.Id) ? "hidden" : "public")} tests").ToList();
            var problems = bad.Concat(uncovered).ToList();
            findings.Add(new CheckFinding(Name, day.Label, problems.Count == 0,
                problems.Count == 0 ? $"{cached.Public.Tests.Count} public + {cached.Hidden?.Tests.Count ?? 0} hidden tests, all assigned" : string.Join("; ", problems.Take(8))));
        }
        return findings;
    }
}
