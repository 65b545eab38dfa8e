namespace Course.Day06;

/// <summary>Exercise 6.1 — perplexity and the n-gram baselines a language model must beat (lesson §6.1).</summary>
public static class LanguageMetrics
{
    /// <summary>Perplexity e^(mean cross-entropy in nats): the number of equally likely choices the model is left with.</summary>
    public static double Perplexity(double meanCrossEntropy)
    {
        if (double.IsNaN(meanCrossEntropy) || meanCrossEntropy < 0)
            throw new ArgumentOutOfRangeException(nameof(meanCrossEntropy), $"Perplexity: a mean cross-entropy is ≥ 0, got {meanCrossEntropy}.");
        return Math.Exp(meanCrossEntropy);
    }

    /// <summary>
    /// Perplexity on <paramref name="test"/> of the unigram model fitted on <paramref name="train"/> with add-one
    /// smoothing, p(c) = (count(c) + 1) / (|train| + V), over every test symbol.
    /// </summary>
    public static double UnigramPerplexity(int[] train, int[] test, int vocab)
    {
        Validate(train, test, vocab, minTest: 1);
        var counts = new long[vocab];
        foreach (int c in train) counts[c]++;
        double sum = 0;
        foreach (int c in test) sum -= Math.Log((counts[c] + 1.0) / (train.Length + (double)vocab));
        return Math.Exp(sum / test.Length);
    }

    /// <summary>
    /// Perplexity on <paramref name="test"/> of the bigram model fitted on <paramref name="train"/> with add-one
    /// smoothing, p(c | prev) = (count(prev, c) + 1) / (count(prev, ·) + V), where count(prev, ·) counts the training
    /// bigrams that start with prev (so each conditional sums to 1). Averaged over test positions 1 … |test| − 1 (the
    /// first test symbol has no previous symbol).
    /// </summary>
    public static double BigramPerplexity(int[] train, int[] test, int vocab)
    {
        Validate(train, test, vocab, minTest: 2);
        var pairs = new long[vocab, vocab];
        var starts = new long[vocab];
        for (int i = 1; i < train.Length; i++)
        {
            pairs[train[i - 1], train[i]]++;
            starts[train[i - 1]]++;
        }
        double sum = 0;
        for (int i = 1; i < test.Length; i++)
        {
            int prev = test[i - 1], c = test[i];
            sum -= Math.Log((pairs[prev, c] + 1.0) / (starts[prev] + (double)vocab));
        }
        return Math.Exp(sum / (test.Length - 1));
    }

    private static void Validate(int[] train, int[] test, int vocab, int minTest)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (vocab < 1) throw new ArgumentOutOfRangeException(nameof(vocab), $"LanguageMetrics: vocab must be ≥ 1, got {vocab}.");
        if (test.Length < minTest) throw new ArgumentException($"LanguageMetrics: need at least {minTest} test symbols, got {test.Length}.", nameof(test));
        foreach (var (name, seq) in new[] { ("train", train), ("test", test) })
            for (int i = 0; i < seq.Length; i++)
                if ((uint)seq[i] >= (uint)vocab)
                    throw new ArgumentOutOfRangeException(name, $"LanguageMetrics: {name}[{i}] = {seq[i]} is outside [0, {vocab}).");
    }
}
