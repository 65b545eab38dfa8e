using System.Globalization;
using System.Net;
using System.Text;

namespace Course.Notebooks.Plotting;

/// <summary>
/// The axes of a 2-D chart: maps data coordinates to SVG pixels, draws the frame, "nice" tick
/// marks (1, 2, 5 × 10^k), the title, axis labels and a legend. Line and scatter charts draw
/// their marks inside it.
/// </summary>
public sealed class ChartFrame
{
    public const int Width = 560;
    public const int Height = 360;
    private const int Left = 60, Right = 20, Top = 34, Bottom = 44;

    private readonly double xMin, xMax, yMin, yMax;

    public ChartFrame(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        (xMin, xMax) = Range(xs);
        (yMin, yMax) = Range(ys);
    }

    public double X(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);

    public double Y(double y) => Height - Bottom - (y - yMin) / (yMax - yMin) * (Height - Top - Bottom);

    public StringBuilder Begin(string title, string xLabel, string yLabel)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#888\"/>");
        foreach (var t in Ticks(xMin, xMax))
        {
            var px = Num(X(t));
            svg.Append($"<line x1=\"{px}\" y1=\"{Height - Bottom}\" x2=\"{px}\" y2=\"{Height - Bottom + 4}\" stroke=\"#888\"/>");
            svg.Append($"<text x=\"{px}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Label(t)}</text>");
        }

        foreach (var t in Ticks(yMin, yMax))
        {
            var py = Num(Y(t));
            svg.Append($"<line x1=\"{Left - 4}\" y1=\"{py}\" x2=\"{Left}\" y2=\"{py}\" stroke=\"#888\"/>");
            svg.Append($"<line x1=\"{Left}\" y1=\"{py}\" x2=\"{Width - Right}\" y2=\"{py}\" stroke=\"#eee\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{py}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Label(t)}</text>");
        }

        if (title.Length > 0) svg.Append($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>");
        if (xLabel.Length > 0) svg.Append($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        if (yLabel.Length > 0) svg.Append($"<text x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">{Escape(yLabel)}</text>");
        return svg;
    }

    public void Legend(StringBuilder svg, IReadOnlyList<string> names)
    {
        if (names.Count < 2 && names.All(n => n.Length == 0)) return;
        for (var i = 0; i < names.Count; i++)
        {
            var y = Top + 12 + i * 15;
            svg.Append($"<rect x=\"{Width - Right - 120}\" y=\"{y - 8}\" width=\"10\" height=\"10\" fill=\"{Palette.At(i)}\"/>");
            svg.Append($"<text x=\"{Width - Right - 105}\" y=\"{y + 1}\">{Escape(names[i])}</text>");
        }
    }

    public static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Ticks at 1, 2 or 5 × 10^k, about five of them across the range.</summary>
    public static IEnumerable<double> Ticks(double lo, double hi)
    {
        var raw = (hi - lo) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        for (var t = Math.Ceiling(lo / step) * step; t <= hi + step * 1e-9; t += step)
        {
            yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
        }
    }

    private static string Label(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static (double, double) Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return (0, 1);
        double lo = finite.Min(), hi = finite.Max();
        if (hi - lo < 1e-12)
        {
            var pad = Math.Abs(lo) > 1e-12 ? Math.Abs(lo) * 0.1 : 1;
            return (lo - pad, hi + pad);
        }

        var margin = (hi - lo) * 0.04;
        return (lo - margin, hi + margin);
    }
}
