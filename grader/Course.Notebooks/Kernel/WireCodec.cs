using System.Text;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>
/// The Jupyter wire format: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header,
/// metadata, content, buffers…]</c>. Decoding verifies the signature first; a message with a bad
/// signature is rejected (never parsed further, never executed).
/// </summary>
public sealed class WireCodec(MessageSigner signer)
{
    public static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");

    public List<byte[]> Encode(JupyterMessage message)
    {
        var parts = new[] { message.Header, message.ParentHeader, message.Metadata, message.Content }
            .Select(j => Encoding.UTF8.GetBytes(j.ToJsonString())).ToArray();
        var frames = new List<byte[]>(message.Identities) { Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts)) };
        frames.AddRange(parts);
        return frames;
    }

    /// <summary>Decodes frames; returns null with a reason when the message is malformed or its signature is wrong.</summary>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string? rejection)
    {
        var split = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                split = i;
                break;
            }
        }

        if (split < 0 || frames.Count < split + 6)
        {
            rejection = "malformed message (no <IDS|MSG> delimiter or missing frames)";
            return null;
        }

        var signature = Encoding.ASCII.GetString(frames[split + 1]);
        var parts = frames.Skip(split + 2).Take(4).ToArray();
        if (!signer.Verify(signature, parts))
        {
            rejection = "invalid HMAC signature";
            return null;
        }

        try
        {
            rejection = null;
            return new JupyterMessage(frames.Take(split).ToList(), Parse(parts[0]), Parse(parts[1]), Parse(parts[2]), Parse(parts[3]));
        }
        catch (System.Text.Json.JsonException e)
        {
            rejection = $"malformed JSON in a signed message: {e.Message}";
            return null;
        }
    }

    private static JsonObject Parse(byte[] json) => JsonNode.Parse(json) as JsonObject ?? new JsonObject();
}
