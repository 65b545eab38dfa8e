using System.Text.RegularExpressions;
using Course.Certification.Technical;

namespace Course.Certification.Similarity;

/// <summary>
/// One day (or the technical test) across the class: learners compared, pairs at or above the threshold, the most
/// similar pair whatever its score, learners whose code is that close to the reference solution, and how many of the
/// learners' fingerprints (summed over learners) were ignored as common to more than <see cref="SimilaritySettings.CommonLimit"/> learners.
/// </summary>
public sealed record SimilarityUnit(string Label, int Learners, IReadOnlyList<SimilarPair> Flagged, SimilarPair? Highest,
    IReadOnlyList<SimilarPair> ReferenceMatches, int CommonFingerprints, int TotalFingerprints)
{
    /// <summary>Share of the learners' fingerprints ignored as common: high when much of the class wrote the same code.</summary>
    public double CommonShare => TotalFingerprints == 0 ? 0 : (double)CommonFingerprints / TotalFingerprints;
}

/// <summary>The class's code similarity: per unit, plus learner folders (or files) that could not be read.</summary>
public sealed record SimilarityReport(SimilaritySettings Settings, IReadOnlyList<SimilarityUnit> Units, IReadOnlyList<string> Problems)
{
    public IReadOnlyList<(string Unit, SimilarPair Pair)> Flagged => Units.SelectMany(u => u.Flagged.Select(p => (u.Label, p))).ToList();

    public IReadOnlyList<(string Unit, SimilarPair Pair)> ReferenceMatches => Units.SelectMany(u => u.ReferenceMatches.Select(p => (u.Label, p))).ToList();
}

/// <summary>
/// Compares every pair of learners on each <c>DayNN/</c> folder of their roster folder and on
/// <c>technical/Technical/</c>, with the matching starter code of <c>exercises/</c> subtracted, so only what learners
/// wrote themselves can match. A folder that cannot be read is reported and left out, never the class.
/// Each learner is also compared with the reference solution (<c>solutions/</c>, where the course has it) without the
/// common-idiom filter: that filter would hide a reference solution that went round the whole class.
/// </summary>
public static partial class ClassSimilarity
{
    public static readonly string TechnicalFolder = Path.Combine("technical", TechnicalPools.Project);

    /// <summary>The learner id the reference solution carries in <see cref="SimilarityUnit.ReferenceMatches"/>.</summary>
    public const string ReferenceId = "reference-solution";

    public static SimilarityReport Analyse(IReadOnlyList<(string Id, string Folder)> learners, string exercisesDir, SimilaritySettings? settings = null,
        string? solutionsDir = null)
    {
        settings ??= SimilaritySettings.Default;
        var problems = new List<string>();
        var folders = new SortedDictionary<string, List<(string Id, string Folder)>>(StringComparer.Ordinal);
        foreach (var (id, root) in learners)
        {
            try
            {
                foreach (var day in Directory.EnumerateDirectories(root).Where(d => DayFolder().IsMatch(Path.GetFileName(d))))
                    Add(Path.GetFileName(day), id, day);
                if (Directory.Exists(Path.Combine(root, TechnicalFolder))) Add(TechnicalPools.Project, id, Path.Combine(root, TechnicalFolder));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problems.Add($"{id}: {e.Message}"); }
        }

        var units = new List<SimilarityUnit>();
        foreach (var (label, members) in folders)
        {
            var stub = CodeFingerprints.StubHashes(Path.Combine(exercisesDir, label), settings);
            var code = new List<CodeFingerprints>();
            foreach (var (id, folder) in members)
            {
                try { code.Add(CodeFingerprints.OfFolder(id, folder, stub, settings)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add($"{id}: {label}: {e.Message}");
                }
            }
            code = code.Where(c => c.Hashes.Count > 0).ToList(); // only the stub, or nothing: nothing of their own to match
            var common = code.SelectMany(c => c.Hashes).CountBy(h => h).Where(p => p.Value > settings.CommonLimit).Select(p => p.Key).ToHashSet();

            var own = code.Select(c => common.Count == 0 ? c.Hashes : c.Hashes.Where(h => !common.Contains(h)).ToHashSet()).ToList();
            var scored = new List<(int A, int B, double Similarity, int Shared)>();
            for (var i = 0; i < code.Count; i++)
                for (var j = i + 1; j < code.Count; j++)
                {
                    var (a, b) = (own[i], own[j]);
                    var shared = a.Count(b.Contains);
                    var min = Math.Min(a.Count, b.Count);
                    scored.Add((i, j, min == 0 ? 0 : (double)shared / min, shared));
                }
            SimilarPair Pair((int A, int B, double, int) s) => SimilarPair.Compare(code[s.A], code[s.B], settings, common);
            var flagged = scored.Where(s => s.Similarity >= settings.Threshold && s.Shared >= settings.MinShared)
                .OrderByDescending(s => s.Similarity).ThenByDescending(s => s.Shared).Select(Pair).ToList();
            var highest = scored.Count == 0 ? null : Pair(scored.OrderByDescending(s => s.Similarity).ThenByDescending(s => s.Shared).First());
            var referenceFolder = solutionsDir is null ? null : Path.Combine(solutionsDir, label);
            var reference = referenceFolder is not null && Directory.Exists(referenceFolder) ? CodeFingerprints.OfFolder(ReferenceId, referenceFolder, stub, settings) : null;
            var likeReference = reference is null ? [] : code.Select(c => SimilarPair.Compare(c, reference, settings))
                .Where(p => p.Similarity >= settings.Threshold && p.Shared >= settings.MinShared)
                .OrderByDescending(p => p.Similarity).ToList();
            units.Add(new SimilarityUnit(label, code.Count, flagged, highest, likeReference,
                code.Sum(c => c.Hashes.Count(common.Contains)), code.Sum(c => c.Hashes.Count)));
        }
        return new SimilarityReport(settings, units, problems);

        void Add(string label, string id, string folder)
        {
            if (!folders.TryGetValue(label, out var list)) folders[label] = list = [];
            list.Add((id, folder));
        }
    }

    [GeneratedRegex(@"^Day\d{2}$")]
    private static partial Regex DayFolder();
}
