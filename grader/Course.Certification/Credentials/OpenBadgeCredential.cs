using System.Globalization;
using System.Text.Json.Nodes;

namespace Course.Certification.Credentials;

/// <summary>
/// A certificate as an Open Badges 3.0 <c>OpenBadgeCredential</c> (a W3C Verifiable Credential): the achievement is the
/// course, the subject the learner, the component scores <c>Result</c>s, the awards listed in the narrative, and the
/// SHA-256 of the learner's results.json an <c>Evidence</c> entry, so a results file can be checked against it.
/// </summary>
public static class OpenBadgeCredential
{
    public static JsonObject Create(CertificateContent c)
    {
        var achievementId = $"{c.IssuerId.TrimEnd('/')}/achievements/{Uri.EscapeDataString(c.Cohort)}";
        JsonObject Description(string key, string name) => new()
        {
            ["id"] = $"{achievementId}#{key}", ["type"] = "ResultDescription", ["name"] = name, ["resultType"] = "Percent",
        };
        JsonObject Result(string key, double value) => new()
        {
            ["type"] = new JsonArray("Result"), ["resultDescription"] = $"{achievementId}#{key}", ["value"] = Fmt(value),
        };
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"urn:course-certificate:{c.CertificateId}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = c.IssuerId, ["type"] = new JsonArray("Profile"), ["name"] = c.InstructorName },
            ["validFrom"] = c.Issued.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["name"] = $"{c.CourseTitleJa} 修了証 / {c.CourseTitleEn} certificate",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"urn:course-learner:{Uri.EscapeDataString(c.Cohort)}:{Uri.EscapeDataString(c.LearnerId)}",
                ["type"] = new JsonArray("AchievementSubject"),
                ["name"] = c.LearnerName,
                ["achievement"] = new JsonObject
                {
                    ["id"] = achievementId,
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = $"{c.CourseTitleJa} / {c.CourseTitleEn}",
                    ["description"] = CertificateContent.Disclaimer,
                    ["criteria"] = new JsonObject { ["narrative"] = "Coursework (Days 1–9), knowledge test and technical test, weighted; pass and distinction marks as set for the cohort." },
                    ["resultDescription"] = new JsonArray(
                        Description("coursework", "Coursework"), Description("knowledge", "Knowledge test"),
                        Description("technical", "Technical test"), Description("total", "Total")),
                },
                ["result"] = new JsonArray(
                    Result("coursework", c.Coursework), Result("knowledge", c.Knowledge), Result("technical", c.Technical), Result("total", c.Total)),
                ["narrative"] = $"{c.Result}{(c.Awards.Count > 0 ? " · " + string.Join(" · ", c.Awards) : "")}",
            },
            ["evidence"] = new JsonArray(new JsonObject
            {
                ["id"] = $"urn:sha256:{c.ResultsSha256}",
                ["type"] = new JsonArray("Evidence"),
                ["name"] = "results.json",
                ["description"] = "SHA-256 of the learner's results.json",
            }),
        };
    }

    /// <summary>The results hash a credential records, or null.</summary>
    public static string? ResultsSha256(JsonObject credential) =>
        credential["evidence"] is JsonArray { Count: > 0 } evidence && (string?)evidence[0]?["id"] is { } id && id.StartsWith("urn:sha256:", StringComparison.Ordinal)
            ? id["urn:sha256:".Length..]
            : null;

    private static string Fmt(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
