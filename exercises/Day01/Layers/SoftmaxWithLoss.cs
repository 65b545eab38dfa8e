namespace Course.Day01;

/// <summary>
/// Exercise 1.6 — softmax followed by cross-entropy, fused into one loss layer (lesson §1.6).
/// </summary>
/// <remarks>
/// Scores [N, K] and labels [N] → mean loss. Forward caches the probabilities [N, K] and the labels.
/// </remarks>
public sealed class SoftmaxWithLoss : ILossLayer
{
    /// <summary>Mean cross-entropy of softmax(scores) against the labels.</summary>
    /// <param name="scores">Class scores (logits) [N, K].</param>
    /// <param name="labels">N class indices in 0..K−1.</param>
    public double Forward(Tensor scores, int[] labels) =>
        throw new NotImplementedException(
            "SoftmaxWithLoss.Forward: scores must be [N, K] with N labels (else ArgumentException). Return the mean over rows of −ln softmax(scores)[n, t_n], " +
            "computed in log space: −(a_t − max a) + ln Σ exp(a − max a), so no +1e-7 is needed; cache the probabilities [N, K] and the labels (lesson §1.6).");

    /// <returns>dL/dscores [N, K].</returns>
    public Tensor Backward() =>
        throw new NotImplementedException(
            "SoftmaxWithLoss.Backward: return (probabilities − onehot(labels)) / N, shape [N, K] (Ops.OneHot<double>(labels, K)); each row sums to 0 (lesson §1.6).");
}
