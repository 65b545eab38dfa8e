using System.Security.Cryptography;
using System.Text;

namespace Course.Notebooks.Kernel;

/// <summary>
/// HMAC-SHA256 over header, parent header, metadata and content (in that order), hex-encoded, as
/// the Jupyter wire protocol specifies. An empty key disables signing (signature "").
/// Verification is constant-time.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (key.Length == 0) return "";
        using var hmac = new HMACSHA256(key);
        foreach (var part in parts) hmac.TransformBlock(part, 0, part.Length, null, 0);
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (key.Length == 0) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
