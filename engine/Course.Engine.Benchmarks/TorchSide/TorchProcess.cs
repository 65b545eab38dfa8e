using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Engine.Benchmarks.TorchSide;

/// <summary>
/// The long-lived Python child (python/torch_side.py): one JSON request per line on stdin, one JSON reply per line on
/// stdout. Kept alive for the whole run so PyTorch is imported once and its thread pools stay warm, like the engine's.
/// </summary>
public sealed class TorchProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder stderr = new();

    private TorchProcess(Process process, bool hasTorch)
    {
        this.process = process;
        HasTorch = hasTorch;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    /// <summary>False when the interpreter has NumPy but not PyTorch: only the NumPy SGEMM requests work.</summary>
    public bool HasTorch { get; }

    public static TorchProcess Start(PythonEnvironment python, string script) =>
        new(Process.Start(python.StartInfo(script)) ?? throw new InvalidOperationException($"Could not start {python.Executable} {script}."),
            python.HasTorch);

    /// <summary>Sends one request and waits for its reply; throws with the Python error (and stderr tail) on failure.</summary>
    public JsonObject Call(object request)
    {
        process.StandardInput.WriteLine(JsonSerializer.Serialize(request));
        process.StandardInput.Flush();
        string? line = process.StandardOutput.ReadLine();
        if (line is null)
        {
            process.WaitForExit(2000);
            string tail;
            lock (stderr) tail = stderr.ToString();
            throw new InvalidOperationException($"torch_side.py exited (code {(process.HasExited ? process.ExitCode : -1)}): {tail.Trim()}");
        }
        var reply = JsonNode.Parse(line)!.AsObject();
        if (reply["error"] is { } error)
            throw new InvalidOperationException($"torch_side.py: {error} {reply["trace"]}");
        return reply;
    }

    public static double[] Times(JsonObject reply, string key = "times") =>
        reply[key]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine("{\"cmd\":\"quit\"}");
                process.StandardInput.Flush();
                if (!process.WaitForExit(5000)) process.Kill();
            }
        }
        catch (IOException)
        {
            // already gone
        }
        process.Dispose();
    }
}
