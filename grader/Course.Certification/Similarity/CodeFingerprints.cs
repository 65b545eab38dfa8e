using Course.Model.Files;

namespace Course.Certification.Similarity;

/// <summary>One source file: its path (relative to the day folder, '/' separators), lines, tokens and the fingerprints it keeps.</summary>
public sealed record FingerprintedFile(string Path, IReadOnlyList<string> Lines, IReadOnlyList<CodeToken> Tokens, IReadOnlyList<Fingerprint> Fingerprints);

/// <summary>
/// One learner's code for one day (or the technical test): every .cs file outside bin/ and obj/, each fingerprinted on
/// its own (so the order of files does not matter), minus every fingerprint the starter stub also has.
/// </summary>
public sealed class CodeFingerprints
{
    /// <summary>Files larger than this are not read: no exercise needs them, and a stray generated file should not slow the class down.</summary>
    public const long MaxFileBytes = 512 * 1024;

    private CodeFingerprints(string owner, IReadOnlyList<FingerprintedFile> files)
    {
        Owner = owner;
        Files = files;
        Hashes = files.SelectMany(f => f.Fingerprints).Select(f => f.Hash).ToHashSet();
    }

    public string Owner { get; }

    public IReadOnlyList<FingerprintedFile> Files { get; }

    /// <summary>The distinct fingerprint hashes the learner's own code contributes.</summary>
    public IReadOnlySet<ulong> Hashes { get; }

    public static CodeFingerprints OfFolder(string owner, string folder, IReadOnlySet<ulong> stub, SimilaritySettings settings) =>
        OfSources(owner, Sources(folder), stub, settings);

    public static CodeFingerprints OfSources(string owner, IEnumerable<(string Path, string Text)> sources, IReadOnlySet<ulong> stub, SimilaritySettings settings)
    {
        var files = new List<FingerprintedFile>();
        foreach (var (path, text) in sources.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            var tokens = CodeTokens.Read(text);
            var hashes = Winnowing.KGramHashes(tokens.Select(t => t.Normal).ToList(), settings.K);
            var kept = Winnowing.Select(hashes, settings.W).Where(f => !stub.Contains(f.Hash)).ToList();
            files.Add(new FingerprintedFile(path, text.Replace("\r\n", "\n").Split('\n'), tokens, kept));
        }
        return new CodeFingerprints(owner, files);
    }

    /// <summary>Every k-gram hash of the starter code (not only the winnowed ones, so no stub run survives in a learner's file by a different window choice).</summary>
    public static IReadOnlySet<ulong> StubHashes(string? folder, SimilaritySettings settings) =>
        folder is null || !Directory.Exists(folder)
            ? new HashSet<ulong>()
            : Sources(folder).SelectMany(s => Winnowing.KGramHashes(CodeTokens.Read(s.Text).Select(t => t.Normal).ToList(), settings.K)).ToHashSet();

    /// <summary>The .cs files of a folder as (relative path, text).</summary>
    public static IEnumerable<(string Path, string Text)> Sources(string folder) =>
        SourceFiles.Relative(folder)
            .Where(rel => new FileInfo(Path.Combine(folder, rel)).Length <= MaxFileBytes)
            .Select(rel => (rel, File.ReadAllText(Path.Combine(folder, rel))))
            .ToList();
}
