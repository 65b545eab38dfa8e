using System.Net;
using System.Text;
using Course.Notebooks.Model;

namespace Course.Notebooks.Site;

/// <summary>
/// A read-only HTML view of a notebook with its stored outputs: markdown cells rendered,
/// code cells highlighted with their In [n] counters, outputs shown by their richest MIME type
/// (SVG and PNG images, HTML tables, text), errors with their traceback.
/// </summary>
public static class NotebookPage
{
    public static string RenderBody(Notebook notebook, MarkdownRenderer markdown, string sourceFile)
    {
        var html = new StringBuilder();
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    html.Append("<div class=\"nb-markdown\">").Append(markdown.Render(cell.Source, sourceFile)).Append("</div>");
                    break;
                case CellKind.Code:
                    var count = cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ";
                    html.Append($"<div class=\"nb-code\"><div class=\"prompt\">In [{count}]:</div><pre class=\"code\"><code class=\"language-csharp\">{CodeHighlighter.Highlight(cell.Source)}</code></pre>");
                    foreach (var output in cell.Outputs) html.Append(RenderOutput(output));
                    html.Append("</div>");
                    break;
                default:
                    html.Append($"<pre class=\"nb-raw\">{WebUtility.HtmlEncode(cell.Source)}</pre>");
                    break;
            }
        }

        return html.ToString();
    }

    private static string RenderOutput(CellOutput output) => output switch
    {
        StreamOutput s => $"<pre class=\"nb-output {s.Name}\">{WebUtility.HtmlEncode(s.Text)}</pre>",
        DisplayDataOutput d => RenderBundle(d.Data),
        ExecuteResultOutput r => RenderBundle(r.Data),
        ErrorOutput e => $"<pre class=\"nb-output error\">{WebUtility.HtmlEncode(string.Join('\n', e.Traceback.DefaultIfEmpty($"{e.EName}: {e.EValue}")))}</pre>",
        _ => "",
    };

    private static string RenderBundle(MimeBundle data)
    {
        if (data.Text("image/svg+xml") is { } svg) return $"<div class=\"nb-output figure\">{svg}</div>";
        if (data.Text("image/png") is { } png) return $"<div class=\"nb-output figure\"><img alt=\"plot\" src=\"data:image/png;base64,{png.Trim()}\"/></div>";
        if (data.Text("text/html") is { } h) return $"<div class=\"nb-output html\">{h}</div>";
        if (data.Text("text/markdown") is { } md) return $"<pre class=\"nb-output\">{WebUtility.HtmlEncode(md)}</pre>";
        return $"<pre class=\"nb-output\">{WebUtility.HtmlEncode(data.Text("text/plain") ?? "")}</pre>";
    }
}
