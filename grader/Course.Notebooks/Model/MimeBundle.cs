using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// A MIME-type → content map (nbformat's <c>data</c>). Text formats are strings; JSON formats
/// (application/json, …+json) stay JSON nodes so they round-trip exactly.
/// </summary>
public sealed class MimeBundle
{
    private readonly SortedDictionary<string, JsonNode?> entries = new(StringComparer.Ordinal);

    public IEnumerable<string> MimeTypes => entries.Keys;

    public int Count => entries.Count;

    public MimeBundle Add(string mimeType, string content)
    {
        entries[mimeType] = JsonValue.Create(content);
        return this;
    }

    public MimeBundle AddJson(string mimeType, JsonNode? content)
    {
        entries[mimeType] = content;
        return this;
    }

    public bool Contains(string mimeType) => entries.ContainsKey(mimeType);

    /// <summary>The content of a text MIME type, or null when absent or not text.</summary>
    public string? Text(string mimeType) =>
        entries.TryGetValue(mimeType, out var node) && node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public JsonNode? Json(string mimeType) => entries.TryGetValue(mimeType, out var node) ? node : null;

    public static MimeBundle PlainText(string text) => new MimeBundle().Add("text/plain", text);
}
