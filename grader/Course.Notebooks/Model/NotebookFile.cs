using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// Reads and writes .ipynb files. Reading validates the structure first, so every problem
/// surfaces as one <see cref="NotebookFormatException"/> naming the file (and line:column for
/// malformed JSON). Writing follows Jupyter's own layout (indent 1, sorted keys, sources as line
/// lists, non-ASCII kept readable) and replaces the file atomically (temp file + rename).
/// </summary>
public static class NotebookFile
{
    public static Notebook Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, $"cannot read: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="fileName"/> is only used in error messages.</summary>
    public static Notebook Parse(string json, string fileName)
    {
        var root = ParseJson(json, fileName);
        var problems = NotebookValidator.Validate(root);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more problem{(problems.Count > 2 ? "s" : "")})" : "";
            throw new NotebookFormatException(fileName, problems[0] + more);
        }

        return FromJson((JsonObject)root!);
    }

    /// <summary>Parses JSON only; a syntax error becomes "file:line:col: invalid JSON: …".</summary>
    public static JsonNode? ParseJson(string json, string fileName)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var col = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new NotebookFormatException($"{fileName}:{line}:{col}", $"invalid JSON: {reason}");
        }
    }

    /// <summary>Writes the notebook: temp file beside the target, then an atomic rename.</summary>
    public static void Save(Notebook notebook, string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, Serialize(notebook), new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }

    public static string Serialize(Notebook notebook)
    {
        var root = ToJson(notebook);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Sorted(root)!.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static Notebook FromJson(JsonObject root)
    {
        var notebook = new Notebook
        {
            Format = NotebookValidator.Int(root["nbformat"])!.Value,
            FormatMinor = NotebookValidator.Int(root["nbformat_minor"])!.Value,
            Metadata = (JsonObject)root["metadata"]!.DeepClone(),
        };

        foreach (var node in (JsonArray)root["cells"]!)
        {
            var c = (JsonObject)node!;
            var kind = NotebookValidator.Str(c["cell_type"]) switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                _ => CellKind.Raw,
            };
            var cell = new NotebookCell(kind, JoinSource(c["source"]), NotebookValidator.Str(c["id"]) ?? NotebookCell.NewId())
            {
                Metadata = (JsonObject)c["metadata"]!.DeepClone(),
                ExecutionCount = NotebookValidator.Int(c["execution_count"]),
                Attachments = c["attachments"]?.DeepClone() as JsonObject,
            };
            if (c["outputs"] is JsonArray outputs)
            {
                cell.Outputs.AddRange(outputs.Select(o => OutputFromJson((JsonObject)o!)));
            }

            notebook.Cells.Add(cell);
        }

        // Older 4.x notebooks have no ids; we write 4.5, so give every cell one.
        notebook.FormatMinor = Math.Max(notebook.FormatMinor, 5);
        return notebook;
    }

    private static CellOutput OutputFromJson(JsonObject o)
    {
        var type = NotebookValidator.Str(o["output_type"]);
        return type switch
        {
            "stream" => new StreamOutput(NotebookValidator.Str(o["name"])!, JoinSource(o["text"])),
            "display_data" => new DisplayDataOutput(BundleFromJson((JsonObject)o["data"]!), (JsonObject)o["metadata"]!.DeepClone()),
            "execute_result" => new ExecuteResultOutput(NotebookValidator.Int(o["execution_count"]), BundleFromJson((JsonObject)o["data"]!), (JsonObject)o["metadata"]!.DeepClone()),
            _ => new ErrorOutput(NotebookValidator.Str(o["ename"])!, NotebookValidator.Str(o["evalue"])!,
                ((JsonArray)o["traceback"]!).Select(NotebookValidator.Str).ToList()!),
        };
    }

    private static MimeBundle BundleFromJson(JsonObject data)
    {
        var bundle = new MimeBundle();
        foreach (var (mime, value) in data)
        {
            if (mime.EndsWith("json", StringComparison.Ordinal)) bundle.AddJson(mime, value?.DeepClone());
            else bundle.Add(mime, JoinSource(value));
        }

        return bundle;
    }

    private static JsonObject ToJson(Notebook notebook)
    {
        var root = new JsonObject();
        root["nbformat"] = notebook.Format;
        root["nbformat_minor"] = notebook.FormatMinor;
        root["metadata"] = notebook.Metadata.DeepClone();
        var cells = new JsonArray();
        foreach (var cell in notebook.Cells)
        {
            var c = new JsonObject();
            c["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" };
            c["id"] = cell.Id;
            c["metadata"] = cell.Metadata.DeepClone();
            c["source"] = SplitLines(cell.Source);
            if (cell.Kind == CellKind.Code)
            {
                c["execution_count"] = cell.ExecutionCount;
                c["outputs"] = new JsonArray(cell.Outputs.Select(o => (JsonNode)OutputToJson(o)).ToArray());
            }
            else if (cell.Attachments is not null)
            {
                c["attachments"] = cell.Attachments.DeepClone();
            }

            cells.Add(c);
        }

        root["cells"] = cells;
        return root;
    }

    private static JsonObject OutputToJson(CellOutput output)
    {
        var o = new JsonObject();
        o["output_type"] = output.OutputType;
        switch (output)
        {
            case StreamOutput s:
                o["name"] = s.Name;
                o["text"] = SplitLines(s.Text);
                break;
            case DisplayDataOutput d:
                o["data"] = BundleToJson(d.Data);
                o["metadata"] = d.Metadata.DeepClone();
                break;
            case ExecuteResultOutput r:
                o["execution_count"] = r.ExecutionCount;
                o["data"] = BundleToJson(r.Data);
                o["metadata"] = r.Metadata.DeepClone();
                break;
            case ErrorOutput e:
                o["ename"] = e.EName;
                o["evalue"] = e.EValue;
                o["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
                break;
        }

        return o;
    }

    private static JsonObject BundleToJson(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var mime in bundle.MimeTypes)
        {
            data[mime] = bundle.Text(mime) is { } text && !mime.EndsWith("json", StringComparison.Ordinal)
                ? SplitLines(text)
                : bundle.Json(mime)?.DeepClone();
        }

        return data;
    }

    private static string JoinSource(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(NotebookValidator.Str)),
        _ => NotebookValidator.Str(node) ?? "",
    };

    /// <summary>Jupyter's multiline layout: each line keeps its "\n", the last one has none.</summary>
    private static JsonArray SplitLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            array.Add(text[start..end]);
            start = end;
        }

        return array;
    }

    /// <summary>Keys sorted ordinally at every level, as Jupyter writes them (stable diffs).</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(e => Sorted(e?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
