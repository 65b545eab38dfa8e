using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Course.Certification.Credentials;
using Course.Grader.Submissions;

namespace Course.Certification.Technical;

/// <summary>
/// The instructor's signed record that a technical submission arrived: cohort, learner, when, and the SHA-256 of its
/// sources (<c>course technical receive</c>, run when the learner hands in). The submission time then comes from the
/// instructor's clock, not from file times a learner can set, and a file changed after receipt is detected.
/// </summary>
public sealed record SubmissionReceipt(string Cohort, string Learner, DateTimeOffset Received, string Sha256)
{
    public const string FileName = "receipt.jwt";
    private const string Type = "course-technical-test-receipt";

    public string Sign(ECDsa key) => VcJwt.Sign(new JsonObject
    {
        ["type"] = Type,
        ["cohort"] = Cohort,
        ["learner"] = Learner,
        ["received"] = Received.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["sha256"] = Sha256,
    }, key);

    /// <summary>The receipt's content if <paramref name="trusted"/> signed it for this cohort and learner; else why not.</summary>
    public static (SubmissionReceipt? Receipt, string? Problem) Verify(string jwt, ECDsa trusted, string cohort, string learner)
    {
        var check = VcJwt.Verify(jwt, trusted);
        if (!check.Valid || check.Credential is not { } c) return (null, $"receipt rejected: {check.Reason}");
        if ((string?)c["type"] != Type) return (null, "receipt rejected: not a technical-test receipt");
        if ((string?)c["cohort"] != cohort || (string?)c["learner"] != learner)
            return (null, $"receipt rejected: issued for {c["learner"]} of cohort '{c["cohort"]}', not {learner} of '{cohort}'");
        if (!DateTimeOffset.TryParse((string?)c["received"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var received) || (string?)c["sha256"] is not { } sha)
            return (null, "receipt rejected: no receipt time or hash");
        return (new SubmissionReceipt(cohort, learner, received, sha), null);
    }

    /// <summary>SHA-256 over the folder's source files (relative path and bytes, in ordinal order).</summary>
    public static string SourcesSha256(string technicalFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Submission.AppendSources(hash, technicalFolder, technicalFolder);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
