using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Model;

/// <summary>
/// Structural validation against the nbformat 4.5 schema's required shape: top-level keys,
/// cell types and ids (4.5), code-cell outputs and execution counts, output types and their
/// required fields, and no keys outside the schema (it forbids additional properties; extra data
/// belongs in metadata, which is free-form and kept verbatim). It does not check MIME payloads beyond their JSON type.
/// Each problem names its place, e.g. <c>cells[3].outputs[0]: 'stream' output needs 'name'</c>.
/// </summary>
public static partial class NotebookValidator
{
    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex CellIdPattern();

    private static readonly string[] OutputTypes = ["stream", "display_data", "execute_result", "error"];

    // The schema sets additionalProperties: false on these objects; anything else belongs in metadata.
    private static readonly string[] NotebookKeys = ["cells", "metadata", "nbformat", "nbformat_minor"];
    private static readonly string[] CodeCellKeys = ["cell_type", "id", "metadata", "source", "execution_count", "outputs"];
    private static readonly string[] TextCellKeys = ["cell_type", "id", "metadata", "source", "attachments"];

    private static readonly Dictionary<string, string[]> OutputKeys = new()
    {
        ["stream"] = ["output_type", "name", "text"],
        ["display_data"] = ["output_type", "data", "metadata"],
        ["execute_result"] = ["output_type", "data", "metadata", "execution_count"],
        ["error"] = ["output_type", "ename", "evalue", "traceback"],
    };

    public static IReadOnlyList<string> Validate(JsonNode? root)
    {
        var problems = new List<string>();
        if (root is not JsonObject nb)
        {
            problems.Add("top level is not a JSON object");
            return problems;
        }

        Unknown(nb, NotebookKeys, "top level", problems);
        var format = Int(nb["nbformat"]);
        var minor = Int(nb["nbformat_minor"]);
        if (format is null) problems.Add("missing integer 'nbformat'");
        else if (format != 4) problems.Add($"nbformat {format} is not supported (expected 4)");
        if (minor is null) problems.Add("missing integer 'nbformat_minor'");
        if (nb["metadata"] is not JsonObject) problems.Add("missing object 'metadata'");
        if (nb["cells"] is not JsonArray cells)
        {
            problems.Add("missing array 'cells'");
            return problems;
        }

        var idsRequired = format == 4 && minor >= 5;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            ValidateCell(cells[i], $"cells[{i}]", idsRequired, ids, problems);
        }

        return problems;
    }

    private static void ValidateCell(JsonNode? node, string at, bool idsRequired, HashSet<string> ids, List<string> problems)
    {
        if (node is not JsonObject cell)
        {
            problems.Add($"{at}: is not an object");
            return;
        }

        var type = Str(cell["cell_type"]);
        if (type is not ("code" or "markdown" or "raw"))
        {
            problems.Add($"{at}: 'cell_type' must be code, markdown or raw (found {Describe(cell["cell_type"])})");
            return;
        }

        Unknown(cell, type == "code" ? CodeCellKeys : TextCellKeys, at, problems);
        if (cell["metadata"] is not JsonObject) problems.Add($"{at}: missing object 'metadata'");
        if (!IsSource(cell["source"])) problems.Add($"{at}: 'source' must be a string or a list of strings");

        var id = cell["id"];
        if (id is null)
        {
            if (idsRequired) problems.Add($"{at}: missing 'id' (required since nbformat 4.5)");
        }
        else if (Str(id) is not { } idText || !CellIdPattern().IsMatch(idText))
        {
            problems.Add($"{at}: id {Describe(id)} must be 1-64 characters from [A-Za-z0-9-_]");
        }
        else if (!ids.Add(idText))
        {
            problems.Add($"{at}: duplicate cell id '{idText}'");
        }

        if (type == "code")
        {
            if (!cell.ContainsKey("execution_count")) problems.Add($"{at}: code cell needs 'execution_count' (integer or null)");
            else if (cell["execution_count"] is not null && Int(cell["execution_count"]) is null)
                problems.Add($"{at}: 'execution_count' must be an integer or null");
            if (cell["outputs"] is not JsonArray outputs)
            {
                problems.Add($"{at}: code cell needs an 'outputs' array");
                return;
            }

            for (var o = 0; o < outputs.Count; o++)
            {
                ValidateOutput(outputs[o], $"{at}.outputs[{o}]", problems);
            }
        }
        else if (cell.ContainsKey("outputs"))
        {
            problems.Add($"{at}: {type} cell must not have 'outputs'");
        }
    }

    private static void ValidateOutput(JsonNode? node, string at, List<string> problems)
    {
        if (node is not JsonObject output)
        {
            problems.Add($"{at}: is not an object");
            return;
        }

        var type = Str(output["output_type"]);
        if (type is null || !OutputTypes.Contains(type))
        {
            problems.Add($"{at}: 'output_type' must be one of {string.Join(", ", OutputTypes)} (found {Describe(output["output_type"])})");
            return;
        }

        Unknown(output, OutputKeys[type], at, problems);
        switch (type)
        {
            case "stream":
                if (Str(output["name"]) is not ("stdout" or "stderr")) problems.Add($"{at}: 'stream' output needs 'name' stdout or stderr");
                if (!IsSource(output["text"])) problems.Add($"{at}: 'stream' output needs 'text'");
                break;
            case "display_data":
            case "execute_result":
                if (output["data"] is not JsonObject data) problems.Add($"{at}: '{type}' output needs object 'data'");
                else
                {
                    foreach (var (mime, value) in data)
                    {
                        if (!mime.Contains('/')) problems.Add($"{at}.data: '{mime}' is not a MIME type");
                        else if (!mime.EndsWith("json", StringComparison.Ordinal) && !IsSource(value))
                            problems.Add($"{at}.data['{mime}']: must be a string or a list of strings");
                    }
                }

                if (output["metadata"] is not JsonObject) problems.Add($"{at}: '{type}' output needs object 'metadata'");
                if (type == "execute_result")
                {
                    if (!output.ContainsKey("execution_count")) problems.Add($"{at}: 'execute_result' needs 'execution_count'");
                    else if (output["execution_count"] is not null && Int(output["execution_count"]) is null)
                        problems.Add($"{at}: 'execution_count' must be an integer or null");
                }

                break;
            case "error":
                if (Str(output["ename"]) is null) problems.Add($"{at}: 'error' output needs string 'ename'");
                if (Str(output["evalue"]) is null) problems.Add($"{at}: 'error' output needs string 'evalue'");
                if (output["traceback"] is not JsonArray tb || tb.Any(l => Str(l) is null))
                    problems.Add($"{at}: 'error' output needs 'traceback' (list of strings)");
                break;
        }
    }

    private static void Unknown(JsonObject node, string[] allowed, string at, List<string> problems)
    {
        foreach (var (key, _) in node)
        {
            if (!allowed.Contains(key)) problems.Add($"{at}: unknown key '{key}' (nbformat allows only {string.Join(", ", allowed)}; put extra data in metadata)");
        }
    }

    internal static bool IsSource(JsonNode? node) =>
        Str(node) is not null || (node is JsonArray lines && lines.All(l => Str(l) is not null));

    internal static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    internal static int? Int(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        if (v.TryGetValue(out int i)) return i;
        if (v.TryGetValue(out long l) && l is >= int.MinValue and <= int.MaxValue) return (int)l;
        if (v.TryGetValue(out System.Text.Json.JsonElement e) && e.ValueKind == System.Text.Json.JsonValueKind.Number && e.TryGetInt32(out var n)) return n;
        return null;
    }

    private static string Describe(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
