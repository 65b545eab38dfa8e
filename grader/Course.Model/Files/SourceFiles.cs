namespace Course.Model.Files;

/// <summary>
/// The source files of a project folder: every file below it except build output. A path is build output when one of
/// its folder names is exactly <c>bin</c> or <c>obj</c> (so <c>Binomial.cs</c> and <c>objectives/</c> are sources).
/// </summary>
public static class SourceFiles
{
    /// <summary>Files below <paramref name="folder"/> matching <paramref name="pattern"/>, as paths relative to it with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> Relative(string folder, string pattern = "*.cs") =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(rel => !IsBuildOutput(rel))
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>Absolute paths of the same files.</summary>
    public static IReadOnlyList<string> Absolute(string folder, string pattern = "*.cs") =>
        Relative(folder, pattern).Select(rel => Path.Combine(folder, rel)).ToList();

    /// <summary>True when a relative path lies inside a bin/ or obj/ folder (any depth).</summary>
    public static bool IsBuildOutput(string relativePath)
    {
        var parts = relativePath.Split('/', '\\');
        for (var i = 0; i < parts.Length - 1; i++)
            if (IsBuildOutputFolder(parts[i])) return true;
        return false;
    }

    /// <summary>True for the folder names that hold build output: exactly <c>bin</c> or <c>obj</c>.</summary>
    public static bool IsBuildOutputFolder(string name) => name is "bin" or "obj";
}
