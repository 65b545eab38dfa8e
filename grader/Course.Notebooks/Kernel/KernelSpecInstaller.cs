using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>
/// Writes/removes the kernelspec (kernels/course-csharp/kernel.json) Jupyter uses to start
/// <c>dotnet course.dll kernel --connection-file {connection_file}</c>.
/// Locations follow jupyter_core: --user → ~/.local/share/jupyter, --prefix P → P/share/jupyter,
/// default (system) → /usr/local/share/jupyter.
/// </summary>
public static class KernelSpecInstaller
{
    public const string Name = "course-csharp";

    public static string KernelsDir(bool user, string? prefix) =>
        prefix is not null ? Path.Combine(prefix, "share", "jupyter", "kernels")
        : user ? Path.Combine(Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter"), "kernels")
        : "/usr/local/share/jupyter/kernels";

    public static JsonObject Spec(string courseDll) => new()
    {
        ["argv"] = new JsonArray("dotnet", courseDll, "kernel", "--connection-file", "{connection_file}"),
        ["display_name"] = "C# (Course)",
        ["language"] = "csharp",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Installs the spec and returns its folder.</summary>
    public static string Install(string courseDll, bool user, string? prefix)
    {
        var dir = Path.Combine(KernelsDir(user, prefix), Name);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "kernel.json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, Spec(courseDll).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, path, overwrite: true);
        return dir;
    }

    /// <summary>Removes the spec; false when it was not installed there.</summary>
    public static bool Uninstall(bool user, string? prefix)
    {
        var dir = Path.Combine(KernelsDir(user, prefix), Name);
        if (!Directory.Exists(dir)) return false;
        Directory.Delete(dir, recursive: true);
        return true;
    }
}
