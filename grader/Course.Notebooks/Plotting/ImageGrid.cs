using System.Globalization;
using System.Text;

namespace Course.Notebooks.Plotting;

/// <summary>
/// Greyscale images in a grid (digits, filters, reconstructions): each pixel a rect, each image
/// scaled to its own min..max so filters with negative weights stay visible.
/// </summary>
public static class ImageGrid
{
    private const int Cell = 64, Gap = 6, CaptionHeight = 14;

    /// <param name="pixels">Row-major pixels of all images, image after image.</param>
    /// <param name="count">Number of images.</param>
    /// <param name="height">Rows per image.</param>
    /// <param name="width">Columns per image.</param>
    /// <param name="captions">Optional text under each image (labels, predictions).</param>
    public static SvgFigure Render(ReadOnlySpan<double> pixels, int count, int height, int width, int columns = 10, string title = "", IReadOnlyList<string>? captions = null)
    {
        if (count * height * width != pixels.Length)
            throw new ArgumentException($"Plot.Images: {pixels.Length} pixels do not make {count} images of {height}×{width}.");
        if (captions is not null && captions.Count != count)
            throw new ArgumentException($"Plot.Images: {captions.Count} captions for {count} images.");

        columns = Math.Max(1, Math.Min(columns, count));
        var rows = (count + columns - 1) / columns;
        var top = title.Length > 0 ? 26 : 4;
        var rowHeight = Cell + Gap + (captions is null ? 0 : CaptionHeight);
        var svgWidth = columns * (Cell + Gap) + Gap;
        var svgHeight = top + rows * rowHeight + Gap;
        var px = (double)Cell / Math.Max(height, width);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{svgWidth}\" height=\"{svgHeight}\" viewBox=\"0 0 {svgWidth} {svgHeight}\" font-family=\"sans-serif\" font-size=\"11\" shape-rendering=\"crispEdges\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        if (title.Length > 0) svg.Append($"<text x=\"{svgWidth / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">{ChartFrame.Escape(title)}</text>");
        for (var n = 0; n < count; n++)
        {
            var image = pixels.Slice(n * height * width, height * width);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (var v in image)
            {
                if (!double.IsFinite(v)) continue;
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            var span = hi > lo ? hi - lo : 1;
            var ox = Gap + n % columns * (Cell + Gap);
            var oy = top + n / columns * rowHeight;
            svg.Append($"<g transform=\"translate({ox} {oy})\">");
            for (var r = 0; r < height; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    var v = image[r * width + c];
                    // Dark ink on white paper: high values are dark, like the digits' scans.
                    var level = double.IsFinite(v) ? (int)Math.Round(255 * (1 - (v - lo) / span)) : 255;
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{ChartFrame.Num(c * px)}\" y=\"{ChartFrame.Num(r * px)}\" width=\"{ChartFrame.Num(px)}\" height=\"{ChartFrame.Num(px)}\" fill=\"#{level:x2}{level:x2}{level:x2}\"/>");
                }
            }

            svg.Append($"<rect width=\"{ChartFrame.Num(width * px)}\" height=\"{ChartFrame.Num(height * px)}\" fill=\"none\" stroke=\"#ccc\"/>");
            if (captions is not null)
                svg.Append($"<text x=\"{Cell / 2}\" y=\"{Cell + CaptionHeight - 2}\" text-anchor=\"middle\">{ChartFrame.Escape(captions[n])}</text>");
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return new SvgFigure(svg.ToString(), $"image grid{(title.Length > 0 ? $" '{title}'" : "")}: {count} images of {height}×{width}");
    }
}
