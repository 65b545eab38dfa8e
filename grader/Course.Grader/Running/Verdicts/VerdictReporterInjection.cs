using System.Security.Cryptography;
using Course.Model.Files;

namespace Course.Grader.Running.Verdicts;

/// <summary>
/// Puts the signed-verdict reporter (<c>TestHost/SignedVerdictReporter.cs</c>, embedded in this assembly) into every
/// cached test build through MSBuild's <c>CustomAfterMicrosoftCommonTargets</c> hook, so the course's test projects
/// need no reference to the grader and a course cannot ship a reporter of its own in its place.
/// </summary>
public static class VerdictReporterInjection
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Files = new(() =>
    {
        var assembly = typeof(VerdictReporterInjection).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("TestHost/", StringComparison.Ordinal))
            .ToDictionary(n => n["TestHost/".Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            });
    });

    /// <summary>Hash of the reporter's sources: part of the test cache key, so a changed reporter rebuilds the cache.</summary>
    public static string SourceHash { get; } = Convert.ToHexStringLower(SHA256.HashData(
        Files.Value.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => System.Text.Encoding.UTF8.GetBytes(f.Key).Concat(f.Value)).ToArray()));

    /// <summary>Writes the reporter into <paramref name="folder"/> (once per content) and returns the MSBuild argument that adds it to a build.</summary>
    public static string MsBuildArgument(string folder)
    {
        var target = Path.Combine(folder, "verdict-reporter-" + SourceHash[..12]);
        if (!File.Exists(Path.Combine(target, "SignedVerdictReporter.targets")))
        {
            Directory.CreateDirectory(target);
            // The .targets file last: its presence says the folder is complete.
            foreach (var (name, bytes) in Files.Value.OrderBy(f => f.Key.EndsWith(".targets", StringComparison.Ordinal)))
                AtomicFile.WriteAllBytes(Path.Combine(target, name), bytes);
        }
        return $"-p:CustomAfterMicrosoftCommonTargets={Path.Combine(target, "SignedVerdictReporter.targets")}";
    }
}
