using System.Globalization;
using System.Net;
using System.Text;

namespace Course.Curriculum.Tests.Figures;

/// <summary>
/// Pieces of the hand-drawn lesson diagrams (boxes, arrows, labels on a titled white page), shared by the days'
/// figure generators so every diagram is drawn the same way. Numbers are written invariantly (the assets are compared byte for byte).
/// </summary>
public static class SvgDiagram
{
    public static string N(double v, string format = "0.##") => v.ToString(format, CultureInfo.InvariantCulture);

    public static string Esc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A titled white page with the grey <c>arrow</c> marker, and the red <c>back</c> marker for backward flows when asked.</summary>
    public static StringBuilder Begin(int width, int height, string title, bool backMarker = false)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append("<defs>");
        foreach (var (id, color) in backMarker ? new[] { ("arrow", "#444"), ("back", "#c0392b") } : [("arrow", "#444")])
            svg.Append($"<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{color}\"/></marker>");
        svg.Append("</defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Esc(title)}</text>");
        return svg;
    }

    public static void Text(StringBuilder svg, double x, double y, string text, string anchor = "middle", int size = 12, string fill = "#222") =>
        svg.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{fill}\">{Esc(text)}</text>");

    public static void Box(StringBuilder svg, double x, double y, double w, double h, string fill, string stroke, string label = "", int size = 12)
    {
        svg.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\" rx=\"4\"/>");
        if (label.Length > 0) Text(svg, x + w / 2, y + h / 2 + 4, label, "middle", size);
    }

    /// <summary>A grey forward arrow, or a red one for a backward (gradient) flow; dashed for what is optional or carried over.</summary>
    public static void Arrow(StringBuilder svg, double x1, double y1, double x2, double y2, bool backward = false, bool dashed = false) =>
        svg.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{(backward ? "#c0392b" : "#444")}\" stroke-width=\"1.5\"{(dashed ? " stroke-dasharray=\"5,4\"" : "")} marker-end=\"url(#{(backward ? "back" : "arrow")})\"/>");
}
