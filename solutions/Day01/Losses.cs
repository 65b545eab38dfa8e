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
    /// Subtracting the row maximum changes nothing mathematically (the factor e^(−max) cancels) but keeps every
    /// exponent ≤ 0, so logits like [1000, 1001, 1002] do not overflow to ∞/∞ = NaN.
    /// </summary>
    /// <param name="logits">[K] or [N, K].</param>
    /// <returns>Same shape; every row is positive and sums to 1.</returns>
    public static Tensor Softmax(Tensor logits)
    {
        RequireVectorOrBatch(logits, "Softmax");
        var shifted = logits - logits.Max(axis: -1, keepDims: true);   // row max: [N, 1] (or [1])
        var e = Ops.Exp(shifted);
        return e / e.Sum(axis: -1, keepDims: true);                      // normalise each row, not each column
    }

    /// <summary>Cross-entropy with class-index labels: mean over the batch of −ln(p[n, t_n] + 1e-7).</summary>
    /// <param name="probs">Probabilities [K] (one sample) or [N, K].</param>
    /// <param name="labels">N class indices in 0..K−1 (one label for a [K] vector).</param>
    /// <exception cref="ArgumentException">labels.Length differs from N.</exception>
    /// <exception cref="ArgumentOutOfRangeException">a label is outside 0..K−1.</exception>
    public static double CrossEntropy(Tensor probs, int[] labels)
    {
        var p = AsBatch(probs, "CrossEntropy");
        int n = p.Dim(0), k = p.Dim(1);
        if (labels.Length != n)
            throw new ArgumentException($"CrossEntropy: {labels.Length} labels for {n} rows of probabilities {probs.ShapeString}.", nameof(labels));

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            int t = labels[i];
            if ((uint)t >= (uint)k)
                throw new ArgumentOutOfRangeException(nameof(labels), t, $"CrossEntropy: label {t} at row {i} is outside 0..{k - 1}.");
            sum += -Math.Log(p[i, t] + LogEpsilon);
        }
        return sum / n;   // the mean, so the loss (and the learning rate that suits it) does not depend on the batch size
    }

    /// <summary>Cross-entropy with one-hot targets: −Σ_k t_k ln(p_k + 1e-7), averaged over the batch.</summary>
    /// <param name="probs">[K] or [N, K].</param>
    /// <param name="oneHot">Same shape as <paramref name="probs"/>.</param>
    public static double CrossEntropy(Tensor probs, Tensor oneHot)
    {
        RequireSameShape(probs, oneHot, "CrossEntropy");
        int n = AsBatch(probs, "CrossEntropy").Dim(0);
        var terms = oneHot * Ops.Log(probs + LogEpsilon);
        return -terms.Sum() / n;
    }

    /// <summary>Sum of squared errors (二乗和誤差): ½ Σ (y − t)², averaged over the batch.</summary>
    /// <param name="y">Network outputs [K] or [N, K].</param>
    /// <param name="t">Targets, same shape.</param>
    public static double SumOfSquares(Tensor y, Tensor t)
    {
        RequireSameShape(y, t, "SumOfSquares");
        int n = AsBatch(y, "SumOfSquares").Dim(0);
        var d = y - t;
        return 0.5 * (d * d).Sum() / n;
    }

    // A [K] vector is one sample: view it as a batch of one so one code path serves both.
    private static Tensor AsBatch(Tensor x, string operation)
    {
        RequireVectorOrBatch(x, operation);
        return x.Rank == 1 ? x.Reshape(1, x.Length) : x;
    }

    private static void RequireVectorOrBatch(Tensor x, string operation)
    {
        if (x.Rank is not (1 or 2))
            throw new ArgumentException($"{operation}: expected [K] or [N, K], got {x.ShapeString}.");
    }

    private static void RequireSameShape(Tensor a, Tensor b, string operation)
    {
        if (!a.SameShape(b))
            throw new ArgumentException($"{operation}: shapes {a.ShapeString} and {b.ShapeString} differ.");
    }
}
