using Course.Certification.Credentials;
using SkiaSharp;

namespace Course.Certification.Printing;

/// <summary>
/// The certificate as a one-page A4 landscape PDF drawn with SkiaSharp's PDF backend. The Japanese font is embedded
/// (subset), so the page reads the same on machines without it; generating needs one installed.
/// </summary>
public static class CertificatePdf
{
    private const float Width = 842, Height = 595, Margin = 40;

    /// <summary>Installs a font that has Japanese glyphs on Debian/Ubuntu.</summary>
    public const string FontInstallHint = "apt-get install -y fonts-noto-cjk";

    /// <summary>A typeface with Japanese glyphs from the system's fonts, or null when none is installed.</summary>
    public static SKTypeface? JapaneseTypeface()
    {
        foreach (var family in new[] { "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo" })
        {
            var typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface is not null && HasJapanese(typeface)) return typeface;
            typeface?.Dispose();
        }
        var any = SKFontManager.Default.MatchCharacter(null, SKFontStyle.Normal, ["ja"], '修');
        return any is not null && HasJapanese(any) ? any : null;
    }

    private static bool HasJapanese(SKTypeface typeface)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs("修了証");
    }

    /// <summary>Renders the PDF; throws <see cref="InvalidOperationException"/> (with the install line) when no Japanese font is installed.</summary>
    public static byte[] Render(CertificateContent content)
    {
        using var typeface = JapaneseTypeface()
            ?? throw new InvalidOperationException($"no font with Japanese glyphs is installed for the PDF certificate ({FontInstallHint})");
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"修了証 / Certificate {content.CertificateId}",
            Author = content.InstructorName,
            Subject = $"{content.CourseTitleJa} / {content.CourseTitleEn}",
            Creator = "course certify",
            Creation = content.Issued.UtcDateTime,
            Modified = content.Issued.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(Width, Height);
            using var frame = new SKPaint { Color = new SKColor(0x6b, 0x5b, 0x2a), Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
            canvas.DrawRect(Margin / 2, Margin / 2, Width - Margin, Height - Margin, frame);
            using var ink = new SKPaint { Color = new SKColor(0x1b, 0x1b, 0x1b), IsAntialias = true };
            var lines = CertificatePage.Lines(content).SelectMany(line =>
            {
                var (size, gap) = Setting(line.Style);
                var font = new SKFont(typeface, size);
                return Wrap(line.Text, font, Width - 3 * Margin).Select(part => (Text: part, Font: font, Gap: gap));
            }).ToList();
            // Centred on the page: the block's height is the sum of its line gaps.
            var y = (Height - lines.Sum(l => l.Gap)) / 2 + lines[0].Font.Size;
            foreach (var (text, font, gap) in lines)
            {
                canvas.DrawText(text, Width / 2, y, SKTextAlign.Center, font, ink);
                y += gap;
            }
            foreach (var font in lines.Select(l => l.Font).Distinct()) font.Dispose();
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>Font size and the distance to the next line's baseline, in points.</summary>
    private static (float Size, float Gap) Setting(LineStyle style) => style switch
    {
        LineStyle.Title => (36f, 46f),
        LineStyle.Subtitle => (15f, 52f),
        LineStyle.Name => (28f, 50f),
        LineStyle.Score => (14f, 26f),
        LineStyle.Small => (9f, 15f),
        _ => (12.5f, 24f),
    };

    /// <summary>Breaks a line where it would overflow: at a space or after 「。/」 where possible, else between characters (Japanese has no spaces).</summary>
    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var rest = text;
        while (font.MeasureText(rest) > width)
        {
            var cut = rest.Length - 1;
            while (cut > 1 && font.MeasureText(rest[..cut]) > width) cut--;
            var soft = rest.LastIndexOfAny([' ', '。', '/'], cut - 1);
            if (soft > cut / 2) cut = soft + 1;
            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) yield return rest;
    }
}
