using SkiaSharp;
using Svg.Skia;

namespace Course.Notebooks.Plotting;

/// <summary>
/// Turns a figure's SVG into PNG bytes, so front ends that blank inline SVG (Debian's nbconvert 6.x, some mail and
/// LMS viewers) still show the plot. Japanese labels need a CJK font on the machine (Debian: fonts-noto-cjk).
/// </summary>
public static class SvgRasteriser
{
    /// <summary>PNG of <paramref name="svg"/> on white at <paramref name="scale"/>× its own size, or null when the
    /// SVG cannot be parsed or Skia's native library is missing (the SVG is then the only image).</summary>
    public static byte[]? ToPng(string svg, float scale = 1.5f)
    {
        try
        {
            using var document = new SKSvg();
            if (document.FromSvg(svg) is null) return null;
            using var png = new MemoryStream();
            return document.Save(png, SKColors.White, SKEncodedImageFormat.Png, 100, scale, scale) ? png.ToArray() : null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return null;
        }
    }
}
