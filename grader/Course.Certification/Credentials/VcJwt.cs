using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Certification.Credentials;

/// <summary>The outcome of checking a VC-JWT: the credential when valid, else why not (one line).</summary>
public sealed record JwtVerification(bool Valid, string Reason, JsonObject? Credential, string? KeyThumbprint);

/// <summary>
/// A credential signed as a compact JWS with ES256 (the JWT proof format of Open Badges 3.0): the header names the
/// algorithm and carries the signer's public JWK and its thumbprint as <c>kid</c>; the payload is the credential with
/// the registered claims <c>iss</c>, <c>jti</c>, <c>sub</c> and <c>nbf</c> beside it.
/// </summary>
public static class VcJwt
{
    public static string Sign(JsonObject credential, ECDsa key)
    {
        var header = new JsonObject
        {
            ["alg"] = "ES256", ["typ"] = "JWT", ["kid"] = InstructorKey.Thumbprint(key), ["jwk"] = InstructorKey.Jwk(key),
        };
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = credential["issuer"]?["id"]?.DeepClone();
        payload["jti"] = credential["id"]?.DeepClone();
        payload["sub"] = credential["credentialSubject"]?["id"]?.DeepClone();
        if (credential["validFrom"] is JsonValue from && DateTimeOffset.TryParse((string?)from, out var nbf))
            payload["nbf"] = nbf.ToUnixTimeSeconds();
        var signingInput = $"{Part(header)}.{Part(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.Encode(signature)}";
    }

    /// <summary>
    /// Checks the signature with the key in the header and, when <paramref name="trusted"/> is given, that this key is
    /// the trusted one (a certificate re-signed with another key is then invalid).
    /// </summary>
    public static JwtVerification Verify(string token, ECDsa? trusted = null)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3) return Invalid("not a compact JWS (expected three dot-separated parts)");
        JsonObject header, payload;
        try
        {
            header = JsonNode.Parse(Base64Url.Decode(parts[0]))?.AsObject() ?? throw new JsonException("empty header");
            payload = JsonNode.Parse(Base64Url.Decode(parts[1]))?.AsObject() ?? throw new JsonException("empty payload");
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return Invalid($"unreadable header or payload ({e.Message})");
        }
        if ((string?)header["alg"] != "ES256") return Invalid($"unsupported algorithm '{header["alg"]}' (expected ES256)");
        if (header["jwk"] is not JsonObject jwk) return Invalid("the header carries no signing key (jwk)");

        using var key = InstructorKey.FromJwk(jwk);
        var thumbprint = InstructorKey.Thumbprint(key);
        byte[] signature;
        try { signature = Base64Url.Decode(parts[2]); }
        catch (FormatException) { return Invalid("the signature is not base64url"); }
        if (!key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return Invalid("the signature does not match the content (the certificate was changed after signing)");
        if (trusted is not null && InstructorKey.Thumbprint(trusted) != thumbprint)
            return new JwtVerification(false, $"signed by key {thumbprint}, not by the instructor's key {InstructorKey.Thumbprint(trusted)}", null, thumbprint);
        return new JwtVerification(true, "signature valid", payload, thumbprint);

        static JwtVerification Invalid(string reason) => new(false, reason, null, null);
    }

    private static string Part(JsonNode node) => Base64Url.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
