namespace Course.Notebooks.Plotting;

/// <summary>Points coloured by class label (decision regions, spirals, latent spaces).</summary>
public static class ScatterChart
{
    public static SvgFigure Render(double[] x, double[] y, int[]? labels = null, string title = "", string xLabel = "", string yLabel = "")
    {
        if (x.Length != y.Length) throw new ArgumentException($"Plot.Scatter: {x.Length} x values but {y.Length} y values.");
        if (labels is not null && labels.Length != x.Length)
            throw new ArgumentException($"Plot.Scatter: {labels.Length} labels for {x.Length} points.");

        var frame = new ChartFrame(x, y);
        var svg = frame.Begin(title, xLabel, yLabel);
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i])) continue;
            var color = Palette.At(labels?[i] ?? 0);
            svg.Append($"<circle cx=\"{ChartFrame.Num(frame.X(x[i]))}\" cy=\"{ChartFrame.Num(frame.Y(y[i]))}\" r=\"2.6\" fill=\"{color}\" fill-opacity=\"0.8\"/>");
        }

        if (labels is not null)
        {
            frame.Legend(svg, labels.Distinct().Order().Select(l => $"class {l}").ToList());
        }

        svg.Append("</svg>");
        return new SvgFigure(svg.ToString(), $"scatter plot{(title.Length > 0 ? $" '{title}'" : "")}: {x.Length} points");
    }
}
