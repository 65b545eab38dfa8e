using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>The nbformat cell kinds.</summary>
public enum CellKind { Code, Markdown, Raw }

/// <summary>
/// One notebook cell. Source is held as one string (nbformat allows a string or a list of lines;
/// the writer emits lines). Metadata and unknown keys are kept verbatim.
/// </summary>
public sealed class NotebookCell
{
    public NotebookCell(CellKind kind, string source, string? id = null)
    {
        Kind = kind;
        Source = source;
        Id = id ?? NewId();
    }

    /// <summary>nbformat 4.5 cell id: 1–64 characters from [A-Za-z0-9-_], unique in the notebook.</summary>
    public string Id { get; set; }

    public CellKind Kind { get; }

    public string Source { get; set; }

    public JsonObject Metadata { get; set; } = new();

    /// <summary>Code cells only: the run counter, null when not executed.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Code cells only.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>Markdown/raw cells: inline attachments, kept verbatim.</summary>
    public JsonObject? Attachments { get; set; }

    public static string NewId() => Guid.NewGuid().ToString("N")[..8];

    public static NotebookCell Code(string source) => new(CellKind.Code, source);

    public static NotebookCell Markdown(string source) => new(CellKind.Markdown, source);
}
