namespace Course.Day06;

/// <summary>Exercise 6.1 — perplexity and the n-gram baselines a language model must beat (lesson §6.1).</summary>
/// <remarks>Ids outside [0, vocab) and a test sequence that is too short throw an <see cref="ArgumentException"/>.</remarks>
public static class LanguageMetrics
{
    /// <summary>Perplexity e^(mean cross-entropy in nats): the number of equally likely choices the model is left with.</summary>
    public static double Perplexity(double meanCrossEntropy) =>
        throw new NotImplementedException("LanguageMetrics.Perplexity: undo the logarithm of the mean cross-entropy (lesson §6.1).");

    /// <summary>
    /// Perplexity on <paramref name="test"/> of the unigram model fitted on <paramref name="train"/> with add-one
    /// smoothing, p(c) = (count(c) + 1) / (|train| + V), over every test symbol.
    /// </summary>
    public static double UnigramPerplexity(int[] train, int[] test, int vocab) =>
        throw new NotImplementedException(
            "LanguageMetrics.UnigramPerplexity: count the training symbols, smooth with +1, then average −log p over the test symbols and exponentiate (lesson §6.1).");

    /// <summary>
    /// Perplexity on <paramref name="test"/> of the bigram model fitted on <paramref name="train"/> with add-one
    /// smoothing, p(c | prev) = (count(prev, c) + 1) / (count(prev, ·) + V), where count(prev, ·) counts the training
    /// bigrams that start with prev (so each conditional sums to 1). Averaged over test positions 1 … |test| − 1 (the
    /// first test symbol has no previous symbol).
    /// </summary>
    public static double BigramPerplexity(int[] train, int[] test, int vocab) =>
        throw new NotImplementedException(
            "LanguageMetrics.BigramPerplexity: count adjacent pairs in the training data; each conditional is normalised by the pairs that start with the same symbol (lesson §6.1).");
}
