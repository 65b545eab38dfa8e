namespace Course.Model.Files;

/// <summary>
/// Copies a folder tree (the learner pack, a cached test build into a scratch run folder). A skip predicate sees the
/// path of every folder and file relative to the source, with '/' separators; a skipped folder is not entered.
/// </summary>
public static class FolderCopy
{
    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/> (created); returns the number of files copied. A missing source copies nothing.</summary>
    public static int Copy(string from, string to, Func<string, bool>? skip = null, bool overwrite = false)
    {
        if (!Directory.Exists(from)) return 0;
        return CopyFolder(from, to, "", skip ?? (_ => false), overwrite);
    }

    /// <summary>Copies the <c>.cs</c> sources of a project folder (<see cref="SourceFiles.Relative"/>: no bin/, obj/) into
    /// <paramref name="to"/> (created, even when there are none), overwriting; returns the number of files copied.</summary>
    public static int CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        var files = SourceFiles.Relative(from);
        foreach (var rel in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, rel))!);
            File.Copy(Path.Combine(from, rel), Path.Combine(to, rel), overwrite: true);
        }
        return files.Count;
    }

    /// <summary>Skips build output and tool litter: bin/, obj/ (as <see cref="SourceFiles"/> defines them), TestResults/, .ipynb_checkpoints/.</summary>
    public static bool SkipBuildOutput(string relativePath) =>
        Path.GetFileName(relativePath) is var name && (SourceFiles.IsBuildOutputFolder(name) || name is "TestResults" or ".ipynb_checkpoints");

    private static int CopyFolder(string from, string to, string relative, Func<string, bool> skip, bool overwrite)
    {
        Directory.CreateDirectory(to);
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(from).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (skip(relative + name)) continue;
            File.Copy(file, Path.Combine(to, name), overwrite);
            copied++;
        }
        foreach (var dir in Directory.EnumerateDirectories(from).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (skip(relative + name)) continue;
            copied += CopyFolder(dir, Path.Combine(to, name), relative + name + "/", skip, overwrite);
        }
        return copied;
    }
}
