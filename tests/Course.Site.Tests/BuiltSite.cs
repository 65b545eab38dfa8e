using Course.Notebooks.Site;

namespace Course.Site.Tests;

/// <summary>
/// The real curriculum rendered once per test class (<c>course site</c>'s builder) into a temporary folder,
/// opened by the browser through file:// URLs, as a learner opens a downloaded copy of the site.
/// </summary>
public sealed class BuiltSite : IDisposable
{
    public BuiltSite()
    {
        Root = Path.Combine(Path.GetTempPath(), $"course-site-browser-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Result = SiteBuilder.Build(RepoRoot(), Root);
        Pages = Directory.EnumerateFiles(Root, "*.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string Root { get; }

    public SiteBuildResult Result { get; }

    /// <summary>Every generated HTML page, relative to <see cref="Root"/> with '/' separators.</summary>
    public IReadOnlyList<string> Pages { get; }

    public string Url(string page) => new Uri(Path.Combine(Root, page)).AbsoluteUri;

    /// <summary>The site page a file:// URL points at (null for anything outside the site).</summary>
    public string? FileFor(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsFile) return null;
        var path = Path.GetFullPath(uri.LocalPath);
        return path.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal) ? path : null;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    /// <summary>The repository root (the folder with curriculum/course.json) above the test binaries or this source file.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "curriculum", "course.json"))) dir = dir.Parent;
        if (dir is not null) return dir.FullName;
        return Path.GetFullPath(Path.Combine(SourceDir(), "..", ".."));
    }

    private static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
