namespace Course.Certification.Similarity;

/// <summary>
/// Winnowing and reporting parameters. k = 15 normalised tokens is about one statement and a half, so common idioms
/// (a for header, a null check) stay below it; w = 8 guarantees that any shared run of 22 tokens is seen. A pair is
/// listed when shared / min(fingerprints) reaches <see cref="Threshold"/> and at least <see cref="MinShared"/>
/// fingerprints are shared (tiny files do not reach 100% by accident). A fingerprint found in the code of more than
/// <see cref="CommonLimit"/> learners of the same day is treated as the class's common idiom, as MOSS does (-m 10).
/// </summary>
public sealed record SimilaritySettings(int K = 15, int W = 8, double Threshold = 0.5, int MinShared = 8, int CommonLimit = 10)
{
    public static SimilaritySettings Default { get; } = new();
}
