using System.Net;
using System.Text;
using Course.Certification.Credentials;

namespace Course.Certification.Printing;

/// <summary>The certificate as one self-contained HTML page for the browser's print dialog (A4 landscape, no external resources).</summary>
public static class CertificateHtml
{
    public static string Render(CertificateContent content)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <title>修了証 / Certificate — {{WebUtility.HtmlEncode(content.LearnerName)}}</title>
            <style>
              @page { size: A4 landscape; margin: 14mm; }
              body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; color: #1b1b1b; margin: 0; }
              main { border: 3px double #6b5b2a; padding: 12mm 16mm; text-align: center; min-height: 150mm; }
              .title { font-size: 34pt; letter-spacing: 0.3em; margin: 0; }
              .subtitle { font-size: 14pt; color: #555; margin: 0 0 8mm; }
              .name { font-size: 26pt; margin: 4mm 0 6mm; border-bottom: 1px solid #6b5b2a; display: inline-block; padding: 0 12mm; }
              .body { font-size: 12pt; margin: 1.5mm 0; }
              .score { font-size: 13pt; font-weight: bold; margin: 2mm 0; }
              .small { font-size: 8.5pt; color: #444; margin: 1mm 0; word-break: break-all; }
            </style>
            </head>
            <body>
            <main>

            """);
        foreach (var line in CertificatePage.Lines(content))
        {
            var (tag, css) = line.Style switch
            {
                LineStyle.Title => ("h1", "title"),
                LineStyle.Name => ("p", "name"),
                _ => ("p", line.Style.ToString().ToLowerInvariant()),
            };
            html.Append($"<{tag} class=\"{css}\">{WebUtility.HtmlEncode(line.Text)}</{tag}>\n");
            if (line.Style == LineStyle.Name) html.Append("<br>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
