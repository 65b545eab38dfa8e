using System.Security.Cryptography;
using System.Text;

namespace Course.Certification.Tests;

public sealed class CredentialTests
{
    private static readonly byte[] Results = Encoding.UTF8.GetBytes("{\"score\": 912.5}\n");

    private static CertificateContent Content() => new(
        "2026A", "learner-01", "山田 花子", "深層学習 10日間コース (JDLA E資格対応カリキュラム)", "Ten-day Deep Learning Course",
        "講師 太郎", "https://example.org/course", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero),
        88, 90, 85.5, 87.45, "合格", ["知識テスト賞"], Convert.ToHexStringLower(SHA256.HashData(Results)));

    [Fact]
    public void A_signed_credential_verifies_and_records_the_results_hash()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = VcJwt.Sign(OpenBadgeCredential.Create(Content()), key);

        var outcome = CertificateVerifier.Verify(token, Results, key);

        outcome.Valid.Should().BeTrue(outcome.Reason);
        outcome.Credential!["type"]!.AsArray().Select(t => (string?)t).Should().Equal("VerifiableCredential", "OpenBadgeCredential");
        ((string?)outcome.Credential["jti"]).Should().Be($"urn:course-certificate:2026A-learner-01-{Content().ResultsSha256[..8]}");
        ((string?)outcome.Credential["credentialSubject"]!["name"]).Should().Be("山田 花子");
    }

    [Fact]
    public void A_changed_payload_breaks_the_signature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parts = VcJwt.Sign(OpenBadgeCredential.Create(Content()), key).Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.Decode(parts[1])).Replace("\"87.45\"", "\"97.45\"");
        var tampered = $"{parts[0]}.{Base64Url.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var outcome = VcJwt.Verify(tampered);

        outcome.Valid.Should().BeFalse();
        outcome.Reason.Should().Contain("changed after signing");
    }

    [Fact]
    public void A_certificate_re_signed_with_another_key_is_rejected_against_the_instructor_key()
    {
        using var instructor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = VcJwt.Sign(OpenBadgeCredential.Create(Content() with { Total = 99 }), forger);

        VcJwt.Verify(forged).Valid.Should().BeTrue("the forgery is internally consistent");
        var outcome = VcJwt.Verify(forged, instructor);

        outcome.Valid.Should().BeFalse();
        outcome.Reason.Should().StartWith($"signed by key {InstructorKey.Thumbprint(forger)}, not by the instructor's key");
    }

    [Fact]
    public void Changed_results_do_not_match_the_certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = VcJwt.Sign(OpenBadgeCredential.Create(Content()), key);

        var outcome = CertificateVerifier.Verify(token, Encoding.UTF8.GetBytes("{\"score\": 999}\n"), key);

        outcome.Valid.Should().BeFalse();
        outcome.Reason.Should().Contain("the results were changed");
    }

    [Fact]
    public void Garbage_is_reported_not_thrown()
    {
        VcJwt.Verify("not-a-token").Reason.Should().Be("not a compact JWS (expected three dot-separated parts)");
        VcJwt.Verify("a.b.c").Valid.Should().BeFalse();
    }

    [Fact]
    public void The_thumbprint_follows_RFC_7638()
    {
        // RFC 7638 §3.1 defines the input; recomputing it from the exported JWK must give the same value.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = InstructorKey.Jwk(key);
        var expected = Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{jwk["x"]}\",\"y\":\"{jwk["y"]}\"}}")));

        InstructorKey.Thumbprint(key).Should().Be(expected).And.HaveLength(43);
        InstructorKey.Thumbprint(InstructorKey.FromJwk(jwk)).Should().Be(expected);
    }
}
