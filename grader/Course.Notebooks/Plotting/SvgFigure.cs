using Course.Notebooks.Display;
using Course.Notebooks.Model;

namespace Course.Notebooks.Plotting;

/// <summary>A finished plot: SVG markup plus a one-line text description for plain-text front ends.</summary>
public sealed record SvgFigure(string Svg, string Description) : IRichDisplay
{
    /// <summary>SVG, a PNG of it (base64, as nbformat stores images) and the description.</summary>
    public MimeBundle ToMimeBundle()
    {
        var bundle = new MimeBundle().Add("image/svg+xml", Svg).Add("text/plain", Description);
        return SvgRasteriser.ToPng(Svg) is { } png ? bundle.Add("image/png", Convert.ToBase64String(png)) : bundle;
    }

    /// <summary>Writes the SVG to a file (for lessons' assets/ or reports).</summary>
    public void Save(string path) => File.WriteAllText(path, Svg);

    public override string ToString() => Description;
}
