using System.Globalization;
using System.Net;
using System.Text;

namespace Course.Certification.Analysis;

/// <summary>
/// The distribution of weighted totals as an inline SVG bar chart: ten bins of 10 points (0–9.99 … 90–100, 100 in the
/// last), the count over each bar, dashed lines at the pass and distinction marks. Plain SVG, so the page needs no script.
/// </summary>
public static class ScoreHistogram
{
    public const int BinWidth = 10;
    private const int Left = 36, Bar = 44, Top = 24, Height = 160, Bottom = Top + Height;

    /// <summary>Learners per bin; bin i holds totals in [10·i, 10·i + 10), bin 9 also 100.</summary>
    public static int[] Bins(IEnumerable<double> totals)
    {
        var bins = new int[100 / BinWidth];
        foreach (var t in totals) bins[Math.Clamp((int)Math.Floor(t / BinWidth), 0, bins.Length - 1)]++;
        return bins;
    }

    public static string Svg(IReadOnlyList<double> totals, double passMark, double distinctionMark)
    {
        var bins = Bins(totals);
        var max = Math.Max(1, bins.Max());
        var width = Left + bins.Length * Bar + 110; // room for the distinction label right of the last bar
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"histogram\" width=\"{width}\" height=\"{Bottom + 40}\" viewBox=\"0 0 {width} {Bottom + 40}\" role=\"img\">");
        svg.Append($"<title>総合点の分布 / Distribution of totals ({totals.Count} learners)</title>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Left + bins.Length * Bar}\" y2=\"{Bottom}\" stroke=\"#333\"/>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Bottom}\" stroke=\"#333\"/>");
        svg.Append($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\">{max}</text><text x=\"{Left - 6}\" y=\"{Bottom}\" text-anchor=\"end\" font-size=\"11\">0</text>");
        for (var i = 0; i < bins.Length; i++)
        {
            var h = (double)Height * bins[i] / max;
            var x = Left + i * Bar + 4;
            var from = i * BinWidth;
            var fill = from + BinWidth <= passMark ? "#c9a0a0" : from >= distinctionMark ? "#6a9a6a" : "#7f9fc9";
            svg.Append($"<rect x=\"{x}\" y=\"{F(Bottom - h)}\" width=\"{Bar - 8}\" height=\"{F(h)}\" fill=\"{fill}\" data-bin=\"{from}\" data-count=\"{bins[i]}\"><title>{from}–{(i == bins.Length - 1 ? 100 : from + BinWidth - 1)}: {bins[i]}</title></rect>");
            if (bins[i] > 0) svg.Append($"<text x=\"{x + (Bar - 8) / 2}\" y=\"{F(Bottom - h - 4)}\" text-anchor=\"middle\" font-size=\"12\">{bins[i]}</text>");
            svg.Append($"<text x=\"{Left + i * Bar}\" y=\"{Bottom + 14}\" text-anchor=\"middle\" font-size=\"11\">{from}</text>");
        }
        svg.Append($"<text x=\"{Left + bins.Length * Bar}\" y=\"{Bottom + 14}\" text-anchor=\"middle\" font-size=\"11\">100</text>");
        Mark(passMark, "#a33", $"合格 / pass {F(passMark)}", 0);
        Mark(distinctionMark, "#363", $"優 / distinction {F(distinctionMark)}", 12);
        svg.Append($"<text x=\"{Left + bins.Length * Bar / 2}\" y=\"{Bottom + 32}\" text-anchor=\"middle\" font-size=\"12\">総合点 / total</text>");
        svg.Append("</svg>");
        return svg.ToString();

        void Mark(double mark, string colour, string label, int dy)
        {
            var x = Left + mark / BinWidth * Bar;
            svg.Append($"<line x1=\"{F(x)}\" y1=\"{Top - 8}\" x2=\"{F(x)}\" y2=\"{Bottom}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>");
            svg.Append($"<text x=\"{F(x + 3)}\" y=\"{Top - 12 + dy}\" font-size=\"11\" fill=\"{colour}\">{WebUtility.HtmlEncode(label)}</text>");
        }
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
