using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// An nbformat 4 notebook (written as 4.5). Notebook metadata is kept as JSON so kernelspec,
/// language_info and Polyglot keys survive a run untouched.
/// </summary>
public sealed class Notebook
{
    public int Format { get; set; } = 4;

    public int FormatMinor { get; set; } = 5;

    public JsonObject Metadata { get; set; } = new();

    public List<NotebookCell> Cells { get; } = [];

    /// <summary>A new notebook with C# (Polyglot-compatible) kernel metadata.</summary>
    public static Notebook CreateCSharp()
    {
        var notebook = new Notebook();
        notebook.Metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = "C# (Course)",
            ["language"] = "csharp",
            ["name"] = "course-csharp",
        };
        notebook.Metadata["language_info"] = new JsonObject
        {
            ["name"] = "csharp",
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
        };
        return notebook;
    }
}
