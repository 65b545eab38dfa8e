using System.Globalization;

namespace Course.Grader.Roster;

/// <summary>
/// One slice of a roster for grading spread over several machines: shard K of N (1-based) takes the learners at
/// positions K−1, K−1+N, … of the roster sorted by learner id. Deterministic, disjoint, together complete, and
/// balanced to within one learner, so N array tasks of a cluster job grade the class exactly once.
/// </summary>
public sealed record RosterShard(int Index, int Count)
{
    public static readonly RosterShard Whole = new(1, 1);

    /// <summary>Parses "K/N" with 1 ≤ K ≤ N.</summary>
    public static RosterShard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
            return new RosterShard(k, n);
        throw new GradingException($"--shard {text}: expected K/N with 1 ≤ K ≤ N (e.g. 2/3)");
    }

    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> learners, Func<T, string> id) =>
        learners.OrderBy(id, StringComparer.Ordinal).Where((_, i) => i % Count == Index - 1).ToList();

    public override string ToString() => $"{Index}/{Count}";
}
