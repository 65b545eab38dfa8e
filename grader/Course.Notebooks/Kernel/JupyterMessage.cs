using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>
/// One Jupyter protocol message (v5.3): routing identities, then header, parent header, metadata
/// and content (JSON dicts). Buffers are accepted and ignored (this kernel sends none).
/// </summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    public const string ProtocolVersion = "5.3";

    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    public string Session => Header["session"]?.GetValue<string>() ?? "";

    /// <summary>A new message answering/following <paramref name="parent"/> (same session and identities).</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null) =>
        new(identities ?? parent?.Identities ?? [],
            new JsonObject
            {
                ["msg_id"] = Guid.NewGuid().ToString(),
                ["session"] = session,
                ["username"] = "kernel",
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
                ["msg_type"] = type,
                ["version"] = ProtocolVersion,
            },
            parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(),
            new JsonObject(),
            content);
}
