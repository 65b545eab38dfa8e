using System.Diagnostics;

namespace Course.Model.Processes;

/// <summary>The dotnet executable running the grader (so children use the same SDK and runtime).</summary>
public static class DotnetHost
{
    private static readonly Lazy<string> Host = new(Find);

    public static string Path => Host.Value;

    private static string Find()
    {
        var fromEnv = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        var self = Process.GetCurrentProcess().MainModule?.FileName;
        if (self is not null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        var root = System.Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(System.IO.Path.Combine(root, "dotnet"))) return System.IO.Path.Combine(root, "dotnet");
        foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(dir, "dotnet");
            if (File.Exists(candidate)) return candidate;
        }
        return "dotnet";
    }
}
