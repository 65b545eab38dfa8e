using Course.Model.Checks;

namespace Course.Notebooks.Site;

/// <summary>
/// <c>course check</c> part: the site renders from curriculum/ (into a temporary folder) with no quiz-format problems,
/// no unreadable notebooks and no broken internal links.
/// </summary>
public sealed class SiteCourseCheck : ICourseCheck
{
    public string Name => "site";

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"course-site-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var result = SiteBuilder.Build(context.Layout.Root, outDir);
            var findings = result.Problems.Select(p => new CheckFinding(Name, p.Split(": ", 2)[0], false, p))
                .Concat(LinkChecker.Check(outDir).Select(b => new CheckFinding(Name, b.Page, false, $"broken link {b.Href}: {b.Reason}")))
                .ToList();
            if (findings.Count == 0) findings.Add(new CheckFinding(Name, "curriculum/", true, $"{result.Pages.Count} files rendered, all internal links resolve"));
            return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }
}
