namespace Course.Day07;

/// <summary>Row softmax with a padding mask, shared by both attention classes.</summary>
internal static class Softmax
{
    /// <summary>Softmax of scores[0..len) in place; masked entries become exactly 0. Throws when every entry is masked.</summary>
    public static void MaskedInPlace(Span<double> scores, Func<int, bool> masked, string layer)
    {
        double max = double.NegativeInfinity;
        for (int t = 0; t < scores.Length; t++)
            if (!masked(t)) max = Math.Max(max, scores[t]);
        if (double.IsNegativeInfinity(max))
            throw new ArgumentException($"{layer}: every key of a row is masked, so its softmax is undefined.");
        double sum = 0;
        for (int t = 0; t < scores.Length; t++)
        {
            // a masked score is −∞: its weight is exactly 0, not a tiny number
            scores[t] = masked(t) ? 0.0 : Math.Exp(scores[t] - max);
            sum += scores[t];
        }
        for (int t = 0; t < scores.Length; t++) scores[t] /= sum;
    }
}
