using System.Security.Cryptography;
using System.Text;

namespace Course.Certification.Knowledge;

/// <summary>
/// The deterministic random stream of one learner's paper: SplitMix64 seeded by SHA-256(cohort, learner), so a paper
/// can be rendered again (and its shuffle undone) from the cohort and learner id alone, and two learners differ.
/// </summary>
public sealed class PaperSeed
{
    private ulong _state;

    public PaperSeed(string cohort, string learner) : this(cohort, learner, "course-knowledge-test") { }

    /// <summary>A stream for another draw of the same learner (e.g. the technical test's variants), independent of the paper's.</summary>
    public PaperSeed(string cohort, string learner, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\n{cohort}\n{learner}"));
        _state = BitConverter.ToUInt64(hash, 0);
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n) without modulo bias.</summary>
    public int NextInt(int n)
    {
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)n;
        ulong x;
        do x = Next(); while (x >= limit);
        return (int)(x % (ulong)n);
    }

    /// <summary>Fisher–Yates shuffle of a copy.</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
