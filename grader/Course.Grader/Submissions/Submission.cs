using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Course.Grader.Submissions;

/// <summary>
/// A learner's submission: a folder shaped like exercises/ (Day01/, Day02/, … project folders). Only the *.cs files
/// are ever used; project files, props and targets in it are ignored (they could run arbitrary MSBuild).
/// </summary>
public sealed partial class Submission
{
    private Submission(string root, IReadOnlyDictionary<int, string> dayFolders)
    {
        Root = root;
        DayFolders = dayFolders;
    }

    public string Root { get; }

    /// <summary>Day number → DayNN folder.</summary>
    public IReadOnlyDictionary<int, string> DayFolders { get; }

    public static Submission Open(string path)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root)) throw new GradingException($"{path}: submission folder not found");
        var days = new SortedDictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            var match = DayFolderName().Match(Path.GetFileName(dir));
            if (match.Success) days[int.Parse(match.Groups[1].Value)] = dir;
        }
        if (days.Count == 0)
            throw new GradingException($"{path}: no DayNN project folders in this submission (expected e.g. {Path.Combine(path, "Day01")})");
        return new Submission(root, days);
    }

    /// <summary>The learner's C# sources of one day, relative path → full path, excluding bin/ and obj/.</summary>
    public static IReadOnlyList<string> SourceFilesOf(string dayFolder) =>
        Directory.EnumerateFiles(dayFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(dayFolder, f)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>SHA-256 over the graded days' sources (relative path and content), so a result names exactly what it graded.</summary>
    public string Sha256(IEnumerable<int> days)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var day in days.Order())
        {
            if (DayFolders.TryGetValue(day, out var folder)) AppendSources(hash, folder, Root);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Adds a folder's sources to <paramref name="hash"/>: each file's path relative to <paramref name="relativeTo"/>
    /// ('/' separators) and its bytes, in ordinal order.</summary>
    public static void AppendSources(IncrementalHash hash, string folder, string relativeTo)
    {
        foreach (var file in SourceFilesOf(folder))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(relativeTo, file).Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
    }

    private static bool IsBuildOutput(string relative)
    {
        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    [GeneratedRegex(@"^Day(\d{2})$")]
    private static partial Regex DayFolderName();
}
