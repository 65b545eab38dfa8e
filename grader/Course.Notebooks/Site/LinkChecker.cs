using System.Net;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Site;

/// <summary>
/// Checks every href/src in a built site: relative targets must exist (a folder means its
/// index.html) and a #fragment must name an id in the target page. External links are skipped.
/// </summary>
public static partial class LinkChecker
{
    [GeneratedRegex("""(?:href|src)="([^"]*)"\s*""")]
    private static partial Regex Link();

    [GeneratedRegex("""\b(?:id|name)="([^"]+)"\s*""")]
    private static partial Regex Id();

    public static IReadOnlyList<BrokenLink> Check(string siteDir)
    {
        var broken = new List<BrokenLink>();
        var ids = new Dictionary<string, HashSet<string>>();
        foreach (var page in Directory.EnumerateFiles(siteDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relativePage = Path.GetRelativePath(siteDir, page);
            foreach (Match m in Link().Matches(File.ReadAllText(page)))
            {
                var href = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (href.Length == 0) { broken.Add(new BrokenLink(relativePage, href, "empty link")); continue; }
                if (href.Contains("://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("data:", StringComparison.Ordinal)) continue;

                var hash = href.IndexOf('#');
                var (path, fragment) = hash < 0 ? (href, "") : (href[..hash], href[(hash + 1)..]);
                var target = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
                if (Directory.Exists(target)) target = Path.Combine(target, "index.html");
                if (!File.Exists(target))
                {
                    broken.Add(new BrokenLink(relativePage, href, "target does not exist"));
                    continue;
                }

                if (fragment.Length > 0 && target.EndsWith(".html", StringComparison.Ordinal))
                {
                    if (!ids.TryGetValue(target, out var known))
                    {
                        known = Id().Matches(File.ReadAllText(target)).Select(i => WebUtility.HtmlDecode(i.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
                        ids[target] = known;
                    }

                    if (!known.Contains(Uri.UnescapeDataString(fragment))) broken.Add(new BrokenLink(relativePage, href, $"no id '{fragment}' in the target page"));
                }
            }
        }

        return broken;
    }
}
