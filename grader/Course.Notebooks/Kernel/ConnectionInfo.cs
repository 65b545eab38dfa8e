using System.Text.Json;

namespace Course.Notebooks.Kernel;

/// <summary>The connection file a Jupyter client writes for a kernel: ports, address, and the HMAC key.</summary>
public sealed record ConnectionInfo(string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HbPort, string Key, string SignatureScheme)
{
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    public static ConnectionInfo Load(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var r = doc.RootElement;
            var info = new ConnectionInfo(
                r.TryGetProperty("transport", out var t) ? t.GetString()! : "tcp",
                r.GetProperty("ip").GetString()!,
                r.GetProperty("shell_port").GetInt32(),
                r.GetProperty("iopub_port").GetInt32(),
                r.GetProperty("stdin_port").GetInt32(),
                r.GetProperty("control_port").GetInt32(),
                r.GetProperty("hb_port").GetInt32(),
                r.TryGetProperty("key", out var k) ? k.GetString() ?? "" : "",
                r.TryGetProperty("signature_scheme", out var s) ? s.GetString() ?? "hmac-sha256" : "hmac-sha256");
            if (info.Key.Length > 0 && info.SignatureScheme != "hmac-sha256")
                throw new InvalidDataException($"{path}: signature_scheme '{info.SignatureScheme}' is not supported (only hmac-sha256)");
            return info;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a usable Jupyter connection file: {e.Message}", e);
        }
    }
}
