using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Course.Certification.Printing;

namespace Course.Certification.Tests;

/// <summary>The printable certificate (HTML and PDF) says what the signed credential says, and the PDF reads in Japanese anywhere.</summary>
public sealed class PrintableCertificateTests
{
    private static readonly string Sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("{}")));

    private static CertificateContent Content() => new(
        "2026A", "learner-01", "山田 花子 <Hanako>", "深層学習 10日間コース (JDLA E資格対応カリキュラム)", "Ten-day Deep Learning Course",
        "講師 太郎", "https://example.org/course", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero),
        88, 90, 85.5, 87.45, "合格", ["知識テスト賞", "テーマ賞（画像）"], Sha);

    [Fact]
    public void The_html_page_carries_every_line_of_the_certificate_escaped()
    {
        var html = CertificateHtml.Render(Content());

        html.Should().Contain("<h1 class=\"title\">修了証</h1>")
            .And.Contain("山田 花子 &lt;Hanako&gt;").And.NotContain("<Hanako>")
            .And.Contain("深層学習 10日間コース (JDLA E資格対応カリキュラム) を修了したことを証します。")
            .And.Contain("総合 / Total 87.45 — 判定 / Result: 合格")
            .And.Contain("表彰 / Awards: 知識テスト賞、テーマ賞（画像）")
            .And.Contain($"修了証ID / Certificate ID: 2026A-learner-01-{Sha[..8]}")
            .And.Contain($"results.json SHA-256: {Sha}")
            .And.Contain("course verify certificate.jwt results.json")
            .And.Contain("JDLAによる資格認定ではありません").And.Contain("it is not a JDLA qualification")
            .And.NotContain("http://").And.NotContain("https://", "the page loads nothing from the network");
    }

    [Fact]
    public void The_pdf_embeds_its_japanese_font_and_its_text_extracts_in_order()
    {
        Assert.SkipWhen(CertificatePdf.JapaneseTypeface() is null, $"no Japanese font installed ({CertificatePdf.FontInstallHint})");
        var pdf = CertificatePdf.Render(Content());

        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        // Skia embeds a TrueType/OpenType subset (/FontFile2, /FontFile3) or, for CFF outlines, the glyphs as a Type 3 font:
        // either way the glyphs travel inside the PDF, never a reference to a font the reader must have.
        Encoding.Latin1.GetString(pdf).Should().MatchRegex("/FontFile[23]?|/Subtype /Type3", "the font travels inside the PDF");

        Assert.SkipWhen(!File.Exists("/usr/bin/pdftotext"), "pdftotext is not installed (apt-get install -y poppler-utils)");
        var file = Path.Combine(Path.GetTempPath(), $"certificate-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var text = Run("/usr/bin/pdftotext", "-enc", "UTF-8", file, "-");
            // CJK fonts share one glyph between an ideograph and its Kangxi radical (山 / ⼭), and extraction may name
            // the radical; fold it back as NFKC would (the build runs with invariant globalization, without ICU's tables).
            var flat = string.Concat(text.Where(c => !char.IsWhiteSpace(c)).Select(c => c is >= '\u2F00' and <= '\u2FD5' ? KangxiRadicals[c - '\u2F00'] : c));
            var order = new[] { "修了証", "CertificateofCompletion", "山田花子<Hanako>", "を修了したことを証します。", "総合/Total87.45—判定/Result:合格",
                "知識テスト賞、テーマ賞（画像）", $"2026A-learner-01-{Sha[..8]}", "JDLAによる資格認定ではありません" };
            var at = 0;
            foreach (var piece in order)
            {
                var found = flat.IndexOf(piece, at, StringComparison.Ordinal);
                found.Should().BeGreaterThanOrEqualTo(0, $"the PDF's text holds \"{piece}\" after the lines before it:\n{text}");
                at = found + piece.Length;
            }

            Assert.SkipWhen(!File.Exists("/usr/bin/pdftoppm"), "pdftoppm is not installed (apt-get install -y poppler-utils)");
            Run("/usr/bin/pdftoppm", "-r", "40", "-gray", "-singlefile", file, file);
            var pgm = File.ReadAllBytes(file + ".pgm");
            // Binary PGM: "P5", width, height, maxval, then one byte per pixel.
            var header = Encoding.ASCII.GetString(pgm, 0, 32).Split((char[])['\n', ' '], 5);
            var pixels = int.Parse(header[1]) * int.Parse(header[2]);
            var dark = pgm.Skip(pgm.Length - pixels).Count(b => b < 128);
            dark.Should().BeGreaterThan(2_000, "the rasterised page shows the frame and the glyphs, not a blank page");
        }
        finally
        {
            foreach (var f in new[] { file, file + ".pgm" }) if (File.Exists(f)) File.Delete(f);
        }
    }

    /// <summary>NFKC of U+2F00…U+2FD5, the 214 Kangxi radicals, in order.</summary>
    private const string KangxiRadicals = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{program} failed: {stderr}");
        return stdout;
    }
}
