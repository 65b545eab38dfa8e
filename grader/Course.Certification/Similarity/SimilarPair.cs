namespace Course.Certification.Similarity;

/// <summary>A run of code two learners share: file, line range and those lines on each side, and how many fingerprints it holds.</summary>
public sealed record MatchRegion(string FileA, int FirstLineA, int LastLineA, string FileB, int FirstLineB, int LastLineB, int Fingerprints,
    IReadOnlyList<string> LinesA, IReadOnlyList<string> LinesB);

/// <summary>
/// Two learners' code for one day: the fingerprints they share, similarity = shared / min(fingerprints of either)
/// (so a short solution copied into a longer one still scores high), and the shared regions, largest first.
/// </summary>
public sealed record SimilarPair(string LearnerA, string LearnerB, int Shared, int FingerprintsA, int FingerprintsB, IReadOnlyList<MatchRegion> Regions)
{
    public double Similarity => Math.Min(FingerprintsA, FingerprintsB) == 0 ? 0 : (double)Shared / Math.Min(FingerprintsA, FingerprintsB);

    /// <param name="ignored">Fingerprints that count for neither side (the class's common idioms).</param>
    public static SimilarPair Compare(CodeFingerprints a, CodeFingerprints b, SimilaritySettings settings, IReadOnlySet<ulong>? ignored = null)
    {
        var hashesA = ignored is null ? a.Hashes : a.Hashes.Where(h => !ignored.Contains(h)).ToHashSet();
        var hashesB = ignored is null ? b.Hashes : b.Hashes.Where(h => !ignored.Contains(h)).ToHashSet();
        var shared = hashesA.Where(hashesB.Contains).ToHashSet();
        return new SimilarPair(a.Owner, b.Owner, shared.Count, hashesA.Count, hashesB.Count, shared.Count == 0 ? [] : FindRegions(a, b, shared, settings));
    }

    /// <summary>
    /// Walks A's shared fingerprints in file order and grows a region while the next one follows closely (within k + w
    /// tokens) on both sides; a new region starts where either side jumps, e.g. where a method was moved.
    /// </summary>
    private static IReadOnlyList<MatchRegion> FindRegions(CodeFingerprints a, CodeFingerprints b, IReadOnlySet<ulong> shared, SimilaritySettings settings)
    {
        var inB = new Dictionary<ulong, List<(int File, int Position)>>();
        for (var f = 0; f < b.Files.Count; f++)
            foreach (var fp in b.Files[f].Fingerprints.Where(fp => shared.Contains(fp.Hash)))
            {
                if (!inB.TryGetValue(fp.Hash, out var list)) inB[fp.Hash] = list = [];
                list.Add((f, fp.Position));
            }
        var gap = settings.K + settings.W;
        var regions = new List<(int FileA, int StartA, int EndA, int FileB, int StartB, int EndB, int Count)>();
        (int FileA, int StartA, int EndA, int FileB, int StartB, int EndB, int Count)? current = null;
        for (var f = 0; f < a.Files.Count; f++)
            foreach (var fp in a.Files[f].Fingerprints.Where(fp => shared.Contains(fp.Hash)))
            {
                var candidates = inB[fp.Hash];
                if (current is { } c && c.FileA == f && fp.Position - c.EndA <= gap)
                {
                    var next = candidates.Where(p => p.File == c.FileB && p.Position >= c.StartB && p.Position - c.EndB <= gap)
                        .Select(p => (int?)p.Position).FirstOrDefault();
                    if (next is { } nb)
                    {
                        current = c with { EndA = fp.Position, EndB = Math.Max(c.EndB, nb), Count = c.Count + 1 };
                        continue;
                    }
                }
                if (current is { } done) regions.Add(done);
                current = (f, fp.Position, fp.Position, candidates[0].File, candidates[0].Position, candidates[0].Position, 1);
            }
        if (current is { } last) regions.Add(last);

        return regions
            .Select(r =>
            {
                var (fa, fb) = (a.Files[r.FileA], b.Files[r.FileB]);
                var (firstA, lastA) = (Line(fa, r.StartA), Line(fa, r.EndA + settings.K - 1));
                var (firstB, lastB) = (Line(fb, r.StartB), Line(fb, r.EndB + settings.K - 1));
                return new MatchRegion(fa.Path, firstA, lastA, fb.Path, firstB, lastB, r.Count, Slice(fa, firstA, lastA), Slice(fb, firstB, lastB));
            })
            .OrderByDescending(r => r.Fingerprints).ThenBy(r => r.FileA, StringComparer.Ordinal).ThenBy(r => r.FirstLineA)
            .ToList();

        static int Line(FingerprintedFile file, int token) => file.Tokens[Math.Min(token, file.Tokens.Count - 1)].Line;
        static IReadOnlyList<string> Slice(FingerprintedFile file, int first, int last) => file.Lines.Skip(first - 1).Take(last - first + 1).ToList();
    }
}
