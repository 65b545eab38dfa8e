using System.Net;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Site;

/// <summary>
/// The page frame every site page shares: head (site.css, the bundled KaTeX and the page script), top navigation,
/// content, prev/next footer.
/// </summary>
public static partial class SiteLayout
{
    /// <summary>Folder of the site's static files (Site/assets/ embedded in this assembly).</summary>
    public const string StaticFolder = "static";

    /// <param name="rootPrefix">Relative path from the page to the site root ("" or "../").</param>
    public static string Page(string title, string rootPrefix, string body, string? navigation = null) => Frame(title, rootPrefix, Focusable(body), navigation);

    // Code blocks and outputs scroll sideways when wide: a tab stop lets keyboard users scroll them too.
    [GeneratedRegex("""<pre\b(?![^>]*\btabindex=)([^>]*)>""")]
    private static partial Regex Pre();

    private static string Focusable(string body) => Pre().Replace(body, "<pre$1 tabindex=\"0\">");

    private static string Frame(string title, string rootPrefix, string body, string? navigation) => $"""
        <!DOCTYPE html>
        <html lang="ja">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <link rel="stylesheet" href="{rootPrefix}{StaticFolder}/katex/katex.min.css">
        <link rel="stylesheet" href="{rootPrefix}site.css">
        <script defer src="{rootPrefix}{StaticFolder}/katex/katex.min.js"></script>
        <script defer src="{rootPrefix}{StaticFolder}/katex/contrib/auto-render.min.js"></script>
        <script defer src="{rootPrefix}{StaticFolder}/site.js"></script>
        </head>
        <body>
        <header class="top"><nav aria-label="サイト / Site"><a href="{rootPrefix}index.html">ホーム / Home</a> · <a href="{rootPrefix}glossary.html">用語集 / Glossary</a></nav></header>
        <main>
        {body}
        </main>
        {(navigation is null ? "" : $"<nav class=\"pager\" aria-label=\"前後の日 / Previous and next day\">{navigation}</nav>")}
        </body>
        </html>

        """;

    public const string Css = """
        body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", sans-serif; max-width: 60rem; margin: 0 auto; padding: 0 1rem 3rem; line-height: 1.7; color: #222; }
        header.top { padding: .6rem 0; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
        a { color: #1f5fa8; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #ccc; padding: .25rem .55rem; vertical-align: top; }
        th { background: #f4f6f8; }
        pre.code, pre.nb-output, pre.nb-raw { background: #f7f7f9; padding: .7rem; overflow-x: auto; border-radius: 4px; line-height: 1.45; }
        pre.nb-output.error { background: #fdecea; color: #8a1c12; }
        pre.nb-output.stderr { background: #fff6e5; }
        .kw { color: #0000c0; } .str { color: #a31515; } .com { color: #2a7a2a; font-style: italic; } .num { color: #086e48; } .typ { color: #2b7489; }
        code, pre { font-family: "Noto Sans Mono CJK JP", "DejaVu Sans Mono", Consolas, monospace; }
        .katex { font-size: 1.1em; }
        div.math { overflow-x: auto; overflow-y: hidden; }
        .prompt { color: #595959; font-size: .85rem; }
        .nb-code { margin: 1rem 0; }
        .figure svg { max-width: 100%; height: auto; }
        .quiz-question { border-top: 1px solid #ddd; padding-top: .5rem; }
        .quiz-question .tag { font-size: .8rem; background: #eef; padding: 0 .4rem; border-radius: 3px; }
        
        .en { color: #555; font-style: italic; }
        details { background: #f4f9f4; padding: .4rem .8rem; border-radius: 4px; margin-bottom: 1rem; }
        .coming { color: #6b6b6b; }
        table.days td:last-child a { white-space: nowrap; }
        .repo-path code { font-size: .85rem; }
        nav.pager { display: flex; justify-content: space-between; border-top: 1px solid #ddd; margin-top: 2rem; padding-top: .6rem; }
        ul.task-list, li.task-list-item { list-style: none; }
        """;
}
