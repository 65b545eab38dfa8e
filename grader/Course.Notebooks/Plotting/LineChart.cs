using System.Text;

namespace Course.Notebooks.Plotting;

/// <summary>Lines through each series' points; non-finite values break the line (a diverging loss shows as a gap).</summary>
public static class LineChart
{
    public static SvgFigure Render(IReadOnlyList<Series> series, string title = "", string xLabel = "", string yLabel = "")
    {
        if (series.Count == 0) throw new ArgumentException("Plot.Lines: no series to draw.");
        foreach (var s in series)
        {
            if (s.X.Length != s.Y.Length)
                throw new ArgumentException($"Plot.Lines: series '{s.Name}' has {s.X.Length} x values but {s.Y.Length} y values.");
        }

        var frame = new ChartFrame(series.SelectMany(s => s.X), series.SelectMany(s => s.Y));
        var svg = frame.Begin(title, xLabel, yLabel);
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var path = new StringBuilder();
            var pen = false;
            for (var k = 0; k < s.X.Length; k++)
            {
                if (!double.IsFinite(s.X[k]) || !double.IsFinite(s.Y[k]))
                {
                    pen = false;
                    continue;
                }

                path.Append(pen ? " L" : " M").Append(ChartFrame.Num(frame.X(s.X[k]))).Append(' ').Append(ChartFrame.Num(frame.Y(s.Y[k])));
                pen = true;
            }

            svg.Append($"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{Palette.At(i)}\" stroke-width=\"1.8\"/>");
        }

        frame.Legend(svg, series.Select(s => s.Name).ToList());
        svg.Append("</svg>");
        var points = series.Sum(s => s.X.Length);
        return new SvgFigure(svg.ToString(), $"line chart{(title.Length > 0 ? $" '{title}'" : "")}: {series.Count} series, {points} points");
    }
}
