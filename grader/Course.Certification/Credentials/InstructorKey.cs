using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Course.Model;
using Course.Model.Files;

namespace Course.Certification.Credentials;

/// <summary>
/// The instructor's signing key: ECDSA P-256 (ES256), generated once with <c>course keys init</c>. The private key
/// stays with the instructor (<c>instructor.key.pem</c>, readable by its owner only); the public key
/// (<c>instructor.pub.pem</c>) is what anyone verifying a certificate needs.
/// </summary>
public static class InstructorKey
{
    public const string PrivateFile = "instructor.key.pem";
    public const string PublicFile = "instructor.pub.pem";

    /// <summary>The environment variable naming the key folder when <c>--out</c>/<c>--key</c> is not given.</summary>
    public const string FolderVariable = "COURSE_KEY_DIR";

    /// <summary>Where <c>course keys init</c> writes and <c>course certify</c> looks by default: <c>$COURSE_KEY_DIR</c>, else <c>~/course-keys</c>.</summary>
    public static string DefaultFolder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "course-keys");

    /// <summary>Creates a new key pair in <paramref name="folder"/>; refuses to overwrite an existing key.</summary>
    public static string Init(string folder)
    {
        var privatePath = Path.Combine(folder, PrivateFile);
        if (File.Exists(privatePath)) throw new CourseInputException($"{privatePath}: a key exists already (delete it first to make a new one; certificates signed with it will then no longer verify against the new key)");
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AtomicFile.Write(privatePath, temp =>
        {
            File.WriteAllText(temp, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        });
        AtomicFile.WriteAllText(Path.Combine(folder, PublicFile), key.ExportSubjectPublicKeyInfoPem());
        return Thumbprint(key);
    }

    public static ECDsa LoadPrivate(string path) => Load(path, isPrivate: true);

    /// <summary>The private key at <paramref name="path"/> (default: <see cref="DefaultFolder"/>); a missing file is bad
    /// input whose message says how to make one.</summary>
    public static ECDsa LoadPrivateOrExplain(string? path)
    {
        var file = Path.GetFullPath(path ?? Path.Combine(DefaultFolder, PrivateFile));
        if (!File.Exists(file))
            throw new CourseInputException($"{file}: no instructor signing key; run `course keys init` (or pass --key <{PrivateFile}>)");
        return LoadPrivate(file);
    }

    public static ECDsa LoadPublic(string path) => Load(path, isPrivate: false);

    private static ECDsa Load(string path, bool isPrivate)
    {
        if (!File.Exists(path)) throw new CourseInputException($"{path}: {(isPrivate ? "private" : "public")} key not found (create one with `course keys init`)");
        var key = ECDsa.Create();
        try { key.ImportFromPem(File.ReadAllText(path)); }
        catch (ArgumentException e) { key.Dispose(); throw new CourseInputException($"{path}: not a PEM key: {e.Message}"); }
        if (key.KeySize != 256) { key.Dispose(); throw new CourseInputException($"{path}: expected a P-256 key, got {key.KeySize} bits"); }
        return key;
    }

    /// <summary>The public key as a JWK (RFC 7517).</summary>
    public static JsonObject Jwk(ECDsa key)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.Encode(p.Q.X!), ["y"] = Base64Url.Encode(p.Q.Y!) };
    }

    /// <summary>The RFC 7638 thumbprint of the public key: SHA-256 over its canonical JWK.</summary>
    public static string Thumbprint(ECDsa key)
    {
        var jwk = Jwk(key);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{jwk["x"]}\",\"y\":\"{jwk["y"]}\"}}";
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A key from a JWK (as carried in a VC-JWT header).</summary>
    public static ECDsa FromJwk(JsonObject jwk) =>
        ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.Decode((string)jwk["x"]!), Y = Base64Url.Decode((string)jwk["y"]!) },
        });
}
