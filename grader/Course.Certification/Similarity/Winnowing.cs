namespace Course.Certification.Similarity;

/// <summary>A selected k-gram hash and the index of the k-gram's first token in its file.</summary>
public readonly record struct Fingerprint(ulong Hash, int Position);

/// <summary>
/// Document fingerprinting by winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003, as in MOSS): hash every k-gram of
/// the normalised tokens, slide a window of w consecutive hashes and keep each window's minimum (the rightmost one on a
/// tie, recorded once while it stays the minimum). Any shared run of at least w + k − 1 tokens shares a fingerprint;
/// runs shorter than k never do.
/// </summary>
public static class Winnowing
{
    /// <summary>FNV-1a 64 of each run of <paramref name="k"/> tokens; empty when there are fewer than k tokens.</summary>
    public static ulong[] KGramHashes(IReadOnlyList<string> tokens, int k)
    {
        if (tokens.Count < k) return [];
        var hashes = new ulong[tokens.Count - k + 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            var h = 14695981039346656037UL;
            for (var t = i; t < i + k; t++)
            {
                foreach (var c in tokens[t]) h = (h ^ c) * 1099511628211UL;
                h = (h ^ 0x1F) * 1099511628211UL; // token separator, so "a b" and "ab" differ
            }
            hashes[i] = h;
        }
        return hashes;
    }

    /// <summary>The winnowed fingerprints of a hash sequence (one window's minimum when it is shorter than w).</summary>
    public static IReadOnlyList<Fingerprint> Select(IReadOnlyList<ulong> hashes, int w)
    {
        var selected = new List<Fingerprint>();
        if (hashes.Count == 0) return selected;
        var windows = Math.Max(1, hashes.Count - w + 1);
        var last = -1;
        for (var start = 0; start < windows; start++)
        {
            var end = Math.Min(hashes.Count, start + w);
            var min = start;
            for (var i = start + 1; i < end; i++)
                if (hashes[i] <= hashes[min]) min = i;
            if (min != last) selected.Add(new Fingerprint(hashes[min], min));
            last = min;
        }
        return selected;
    }
}
