using System.Reflection;
using System.Text.Json.Nodes;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Notebooks.Kernel;

/// <summary>
/// Answers shell-channel requests with the notebook runner's own <see cref="CellExecutor"/>
/// (one engine, two front doors). Publishes iopub messages through <paramref name="publish"/>
/// and returns the reply content.
/// </summary>
public sealed class KernelRequests(CellExecutor executor, Action<string, JsonObject, JupyterMessage> publish)
{
    public static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "course-csharp",
        ["implementation_version"] = typeof(KernelRequests).Assembly.GetName().Version?.ToString() ?? "1.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "csharp",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = "C# (Course): Roslyn scripting with Course.Engine and the chosen DayNN implementation",
        ["help_links"] = new JsonArray(),
    };

    public async Task<JsonObject> ExecuteAsync(JupyterMessage request, CancellationToken cancellation)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? "";
        var silent = request.Content["silent"]?.GetValue<bool>() ?? false;
        var count = executor.ExecutionCount + 1;
        if (!silent) publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        var collector = new OutputCollector();
        if (!silent) collector.OutputAdded += output => Publish(output, request);
        var result = await executor.ExecuteAsync(code, count, collector, cancellation);
        if (result.Failure is { } failure)
        {
            var error = result.Outputs.OfType<ErrorOutput>().LastOrDefault();
            return new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = executor.ExecutionCount,
                ["ename"] = failure.Kind,
                ["evalue"] = failure.Message,
                ["traceback"] = new JsonArray((error?.Traceback ?? [failure.ToString()]).Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            };
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = executor.ExecutionCount,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = new JsonArray(),
        };
    }

    public static JsonObject IsComplete(JupyterMessage request)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? "";
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        if (SyntaxFactory.IsCompleteSubmission(tree)) return new JsonObject { ["status"] = "complete" };
        return new JsonObject { ["status"] = "incomplete", ["indent"] = "    " };
    }

    public JsonObject Complete(JupyterMessage request)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? "";
        var cursor = Math.Clamp(request.Content["cursor_pos"]?.GetValue<int>() ?? code.Length, 0, code.Length);
        var matches = executor.Complete(code, cursor, out var start);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = cursor,
            ["metadata"] = new JsonObject(),
        };
    }

    public JsonObject Inspect(JupyterMessage request)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? "";
        var cursor = Math.Clamp(request.Content["cursor_pos"]?.GetValue<int>() ?? code.Length, 0, code.Length);
        var text = executor.Describe(code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    private void Publish(CellOutput output, JupyterMessage parent)
    {
        switch (output)
        {
            case StreamOutput s:
                publish("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }, parent);
                break;
            case DisplayDataOutput d:
                publish("display_data", new JsonObject { ["data"] = Bundle(d.Data), ["metadata"] = d.Metadata.DeepClone(), ["transient"] = new JsonObject() }, parent);
                break;
            case ExecuteResultOutput r:
                publish("execute_result", new JsonObject { ["execution_count"] = r.ExecutionCount, ["data"] = Bundle(r.Data), ["metadata"] = r.Metadata.DeepClone() }, parent);
                break;
            case ErrorOutput e:
                publish("error", new JsonObject
                {
                    ["ename"] = e.EName,
                    ["evalue"] = e.EValue,
                    ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
                }, parent);
                break;
        }
    }

    private static JsonObject Bundle(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var mime in bundle.MimeTypes) data[mime] = bundle.Text(mime) is { } text ? JsonValue.Create(text) : bundle.Json(mime)?.DeepClone();
        return data;
    }
}
