using System.Security.Cryptography;

namespace Course.Certification.Credentials;

/// <summary>
/// <c>course verify</c>: a certificate (VC-JWT) is valid when its signature holds (with the instructor's public key
/// when given) and, given the learner's results.json, when that file's SHA-256 is the one the certificate records.
/// </summary>
public static class CertificateVerifier
{
    public static JwtVerification Verify(string certificateToken, byte[]? resultsJson = null, ECDsa? trustedKey = null)
    {
        var check = VcJwt.Verify(certificateToken, trustedKey);
        if (!check.Valid || resultsJson is null) return check;
        var recorded = OpenBadgeCredential.ResultsSha256(check.Credential!);
        if (recorded is null) return check with { Valid = false, Reason = "the certificate records no results hash" };
        var actual = Convert.ToHexStringLower(SHA256.HashData(resultsJson));
        return actual == recorded
            ? check with { Reason = "signature valid; results.json matches the certificate" }
            : check with { Valid = false, Reason = $"results.json has SHA-256 {actual[..12]}…, the certificate records {recorded[..Math.Min(12, recorded.Length)]}… (the results were changed)" };
    }
}
