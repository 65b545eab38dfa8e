using System.Globalization;
using Course.Certification.Credentials;

namespace Course.Certification.Printing;

/// <summary>How a line of the printed certificate is set.</summary>
public enum LineStyle { Title, Subtitle, Name, Body, Score, Small }

/// <summary>One line of the printed certificate: Japanese first, the English beside or below it.</summary>
public sealed record CertificateLine(LineStyle Style, string Text);

/// <summary>
/// The wording of the printable certificate, in reading order — the one place both the HTML and the PDF take it from,
/// so the two always say the same as the signed credential.
/// </summary>
public static class CertificatePage
{
    public static IReadOnlyList<CertificateLine> Lines(CertificateContent c)
    {
        var awards = c.Awards.Count > 0 ? string.Join("、", c.Awards) : "—";
        return
        [
            new(LineStyle.Title, "修了証"),
            new(LineStyle.Subtitle, "Certificate of Completion"),
            new(LineStyle.Name, c.LearnerName),
            new(LineStyle.Body, $"{c.CourseTitleJa} を修了したことを証します。"),
            new(LineStyle.Body, $"has completed the {c.CourseTitleEn}."),
            new(LineStyle.Body, $"コホート / Cohort: {c.Cohort} · 発行日 / Issued: {c.Issued.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"),
            new(LineStyle.Score, $"課題 / Coursework {F(c.Coursework)} · 知識テスト / Knowledge {F(c.Knowledge)} · 技術テスト / Technical {F(c.Technical)}"),
            new(LineStyle.Score, $"総合 / Total {F(c.Total)} — 判定 / Result: {c.Result}"),
            new(LineStyle.Body, $"表彰 / Awards: {awards}"),
            new(LineStyle.Body, $"講師 / Instructor: {c.InstructorName}"),
            new(LineStyle.Small, $"修了証ID / Certificate ID: {c.CertificateId}"),
            new(LineStyle.Small, $"results.json SHA-256: {c.ResultsSha256}"),
            new(LineStyle.Small, $"検証 / Verify: course verify certificate.jwt results.json"),
            new(LineStyle.Small, CertificateContent.Disclaimer),
        ];
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
