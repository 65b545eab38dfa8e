using Course.Engine;

namespace Course.Notebooks.Plotting;

/// <summary>
/// The plotting front door for notebooks: <c>display(Plot.Line(losses, "loss"))</c>.
/// Every method returns an <see cref="SvgFigure"/> (hand-written SVG, no native dependencies).
/// </summary>
public static class Plot
{
    /// <summary>One line of y against its index (loss per step).</summary>
    public static SvgFigure Line(IEnumerable<double> y, string title = "", string xLabel = "", string yLabel = "") =>
        LineChart.Render([Series.Of("", y)], title, xLabel, yLabel);

    /// <summary>One line through (x, y) points.</summary>
    public static SvgFigure Line(double[] x, double[] y, string title = "", string xLabel = "", string yLabel = "") =>
        LineChart.Render([new Series("", x, y)], title, xLabel, yLabel);

    /// <summary>Several named lines on the same axes (training vs validation curves).</summary>
    public static SvgFigure Lines(string title, params Series[] series) => LineChart.Render(series, title);

    /// <summary>Several named lines against their index, e.g. <c>Plot.Lines("loss", ("train", a), ("val", b))</c>.</summary>
    public static SvgFigure Lines(string title, params (string Name, IEnumerable<double> Y)[] series) =>
        LineChart.Render(series.Select(s => Series.Of(s.Name, s.Y)).ToArray(), title);

    /// <summary>Points, optionally coloured by integer class label.</summary>
    public static SvgFigure Scatter(double[] x, double[] y, int[]? labels = null, string title = "") =>
        ScatterChart.Render(x, y, labels, title);

    /// <summary>The two columns of a [N, 2] tensor as points, coloured by label.</summary>
    public static SvgFigure Scatter(Tensor<double> points, int[]? labels = null, string title = "")
    {
        if (points.Rank != 2 || points.Dim(1) != 2)
            throw new ArgumentException($"Plot.Scatter: expected points of shape [N, 2], got {points.ShapeString}.");
        var n = points.Dim(0);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = points.Span[2 * i];
            y[i] = points.Span[2 * i + 1];
        }

        return ScatterChart.Render(x, y, labels, title);
    }

    /// <summary>
    /// Images from a tensor shaped [N, H, W], [N, 1, H, W] or [N, H·W] with square images
    /// (8×8 digits as [N, 64]).
    /// </summary>
    public static SvgFigure Images(Tensor<double> images, int columns = 10, string title = "", IReadOnlyList<string>? captions = null)
    {
        var shape = images.ShapeArray;
        var (n, h, w) = shape switch
        {
            [var a, var b, var c] => (a, b, c),
            [var a, 1, var b, var c] => (a, b, c),
            [var a, var b] when IsSquare(b) => (a, (int)Math.Sqrt(b), (int)Math.Sqrt(b)),
            _ => throw new ArgumentException($"Plot.Images: expected [N, H, W], [N, 1, H, W] or [N, H*W] with square images, got {images.ShapeString}."),
        };
        return ImageGrid.Render(images.Span, n, h, w, columns, title, captions);
    }

    private static bool IsSquare(int v)
    {
        var r = (int)Math.Round(Math.Sqrt(v));
        return r * r == v;
    }
}
