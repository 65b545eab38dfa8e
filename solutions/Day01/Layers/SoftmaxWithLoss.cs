namespace Course.Day01;

/// <summary>
/// Exercise 1.6 — softmax followed by cross-entropy, fused into one loss layer (lesson §1.6).
/// </summary>
/// <remarks>
/// Scores [N, K] and labels [N] → mean loss. Forward caches the probabilities [N, K] and the labels.
/// Fused because the pair has the simple gradient (y − t) / N, and because the loss can be computed in log space,
/// −ln y_t = −(a_t − max a) + ln Σ exp(a − max a), which is exact and finite for any scores (no +1e-7 needed).
/// </remarks>
public sealed class SoftmaxWithLoss : ILossLayer
{
    private Tensor? _probs;
    private int[]? _labels;

    /// <summary>Mean cross-entropy of softmax(scores) against the labels.</summary>
    /// <param name="scores">Class scores (logits) [N, K].</param>
    /// <param name="labels">N class indices in 0..K−1.</param>
    public double Forward(Tensor scores, int[] labels)
    {
        if (scores.Rank != 2)
            throw new ArgumentException($"SoftmaxWithLoss.Forward: expected scores (N, K), got {scores.ShapeString}.", nameof(scores));
        int n = scores.Dim(0), k = scores.Dim(1);
        if (labels.Length != n)
            throw new ArgumentException($"SoftmaxWithLoss.Forward: {labels.Length} labels for scores {scores.ShapeString}.", nameof(labels));

        var shifted = scores - scores.Max(axis: 1, keepDims: true);            // every row's max becomes 0
        var logSumExp = Ops.Log(Ops.Exp(shifted).Sum(axis: 1, keepDims: true)); // [N, 1]
        var logProbs = shifted - logSumExp;                                      // ln softmax, [N, K]

        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            int t = labels[i];
            if ((uint)t >= (uint)k)
                throw new ArgumentOutOfRangeException(nameof(labels), t, $"SoftmaxWithLoss.Forward: label {t} at row {i} is outside 0..{k - 1}.");
            loss -= logProbs[i, t];
        }

        _probs = Ops.Exp(logProbs);
        _labels = (int[])labels.Clone();
        return loss / n;
    }

    /// <returns>dL/dscores = (softmax(scores) − onehot(labels)) / N, [N, K]; each row sums to 0.</returns>
    public Tensor Backward()
    {
        var probs = _probs ?? throw new InvalidOperationException("SoftmaxWithLoss.Backward called before Forward.");
        int n = probs.Dim(0);
        var oneHot = Ops.OneHot<double>(_labels!, probs.Dim(1));
        return (probs - oneHot) / (double)n;
    }
}
