using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Notebooks.Site;

/// <summary>
/// Markdown → HTML for the site with Markdig's advanced extensions (tables, task lists, footnotes…). Math
/// (<c>$…$</c>, <c>$$…$$</c>) is kept verbatim as <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c> and
/// <c>&lt;div class="math"&gt;\[…\]&lt;/div&gt;</c>, which the page script renders with the bundled KaTeX. Links are
/// rewritten from the curriculum's file names to the site's (lesson.md → index.html, *.md →
/// *.html, notebook.ipynb → notebook.html); links to repository files outside curriculum/
/// (exercise sources) become labelled paths, since the site does not contain them.
/// </summary>
public sealed partial class MarkdownRenderer(string curriculumRoot)
{
    private const string RepoScheme = "repo-path:";

    // GitHub-style heading ids keep Japanese letters (the default drops non-ASCII, so 「一日目」 would become "section").
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAdvancedExtensions()
        .Build();

    [GeneratedRegex("""<pre><code class="language-([^"]+)">(.*?)</code></pre>""", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("""<a href="repo-path:([^"]*)"[^>]*>(.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex RepoLink();

    /// <summary>Renders markdown that lives at <paramref name="sourceFile"/> (for resolving relative links).</summary>
    public string Render(string markdown, string sourceFile)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url) link.Url = Rewrite(url, sourceFile);
        }

        var html = document.ToHtml(Pipeline);
        html = CodeBlock().Replace(html, m => CodeHighlighter.Handles(m.Groups[1].Value)
            ? $"<pre class=\"code\"><code class=\"language-{m.Groups[1].Value}\">{CodeHighlighter.Highlight(WebUtility.HtmlDecode(m.Groups[2].Value))}</code></pre>"
            : m.Value);
        return RepoLink().Replace(html, m => $"<span class=\"repo-path\" title=\"{m.Groups[1].Value}\">{m.Groups[2].Value} <code>{m.Groups[1].Value}</code></span>");
    }

    /// <summary>Maps a curriculum link to its site target; external and in-page links are unchanged.</summary>
    public string Rewrite(string url, string sourceFile)
    {
        if (url.Length == 0 || url.StartsWith('#') || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return url;
        }

        var hash = url.IndexOf('#');
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var sourceDir = Path.GetDirectoryName(Path.GetFullPath(sourceFile))!;
        var target = Path.GetFullPath(Path.Combine(sourceDir, Uri.UnescapeDataString(path)));
        var root = Path.GetFullPath(curriculumRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!target.StartsWith(root, StringComparison.Ordinal))
        {
            var repoRoot = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
            return RepoScheme + Path.GetRelativePath(repoRoot, target).Replace('\\', '/');
        }

        var siteTarget = SitePath(target);
        var relative = Path.GetRelativePath(sourceDir, siteTarget).Replace('\\', '/');
        return relative + fragment;
    }

    /// <summary>Where a curriculum file ends up in the site (same folders, renamed pages).</summary>
    public static string SitePath(string curriculumFile)
    {
        var name = Path.GetFileName(curriculumFile);
        var dir = Path.GetDirectoryName(curriculumFile)!;
        return name switch
        {
            "lesson.md" => Path.Combine(dir, "index.html"),
            "notebook.ipynb" => Path.Combine(dir, "notebook.html"),
            _ when name.EndsWith(".md", StringComparison.Ordinal) => Path.Combine(dir, name[..^3] + ".html"),
            _ => curriculumFile,
        };
    }
}
