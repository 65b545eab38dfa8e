using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// One output of a code cell, as nbformat 4 stores it. The four kinds mirror the schema's
/// <c>output_type</c> values.
/// </summary>
public abstract record CellOutput
{
    /// <summary>The nbformat <c>output_type</c>.</summary>
    public abstract string OutputType { get; }
}

/// <summary>Text written to stdout or stderr while the cell ran.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    public override string OutputType => "stream";
}

/// <summary>A rich value shown by <c>display(...)</c>: a MIME bundle (text/plain, text/html, image/svg+xml…).</summary>
public sealed record DisplayDataOutput(MimeBundle Data, JsonObject Metadata) : CellOutput
{
    public override string OutputType => "display_data";
}

/// <summary>The value of the cell's last expression, numbered like the cell.</summary>
public sealed record ExecuteResultOutput(int? ExecutionCount, MimeBundle Data, JsonObject Metadata) : CellOutput
{
    public override string OutputType => "execute_result";
}

/// <summary>An exception or compile error that stopped the cell.</summary>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput
{
    public override string OutputType => "error";
}
