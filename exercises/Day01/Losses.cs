namespace Course.Day01;

/// <summary>
/// Exercise 1.4 — softmax and the two classic losses (lesson §1.4).
/// Shapes: one sample is a vector [K]; a mini-batch is [N, K], one row per sample. Losses are batch means.
/// </summary>
public static class Losses
{
    /// <summary>Added inside the logarithm so a probability of exactly 0 gives −ln(1e-7) ≈ 16.1, not +∞ (as in ゼロから).</summary>
    public const double LogEpsilon = 1e-7;

    /// <summary>
    /// Softmax along the last axis: y_k = exp(a_k − max a) / Σ_i exp(a_i − max a).
    /// </summary>
    /// <param name="logits">[K] or [N, K].</param>
    /// <returns>Same shape; every row is positive and sums to 1.</returns>
    public static Tensor Softmax(Tensor logits) =>
        throw new NotImplementedException(
            "Losses.Softmax: per row (last axis) subtract the row max (logits.Max(axis: -1, keepDims: true)), exponentiate (Ops.Exp), " +
            "divide by the row sum; return the same shape [K] or [N, K], each row summing to 1. Without the max, [1000, 1001, 1002] gives NaN (lesson §1.4).");

    /// <summary>Cross-entropy with class-index labels: mean over the batch of −ln(p[n, t_n] + 1e-7).</summary>
    /// <param name="probs">Probabilities [K] (one sample) or [N, K].</param>
    /// <param name="labels">N class indices in 0..K−1 (one label for a [K] vector).</param>
    /// <exception cref="ArgumentException">labels.Length differs from N.</exception>
    /// <exception cref="ArgumentOutOfRangeException">a label is outside 0..K−1.</exception>
    public static double CrossEntropy(Tensor probs, int[] labels) =>
        throw new NotImplementedException(
            "Losses.CrossEntropy(probs, labels): return the MEAN over the N rows of −ln(p[n, labels[n]] + LogEpsilon), a double; " +
            "a [K] vector is one row; a label outside 0..K−1 throws ArgumentOutOfRangeException (lesson §1.4).");

    /// <summary>Cross-entropy with one-hot targets: −Σ_k t_k ln(p_k + 1e-7), averaged over the batch.</summary>
    /// <param name="probs">[K] or [N, K].</param>
    /// <param name="oneHot">Same shape as <paramref name="probs"/>.</param>
    public static double CrossEntropy(Tensor probs, Tensor oneHot) =>
        throw new NotImplementedException(
            "Losses.CrossEntropy(probs, oneHot): return −Σ oneHot ⊙ ln(probs + LogEpsilon) divided by the number of rows N (1 for a [K] vector); " +
            "it must equal the label overload (lesson §1.4).");

    /// <summary>Sum of squared errors (二乗和誤差): ½ Σ (y − t)², averaged over the batch.</summary>
    /// <param name="y">Network outputs [K] or [N, K].</param>
    /// <param name="t">Targets, same shape.</param>
    public static double SumOfSquares(Tensor y, Tensor t) =>
        throw new NotImplementedException(
            "Losses.SumOfSquares: return ½ Σ (y − t)² divided by the number of rows N (1 for a [K] vector), a double (lesson §1.4).");
}
