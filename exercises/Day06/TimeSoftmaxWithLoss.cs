namespace Course.Day06;

/// <summary>Exercise 6.5 — softmax + cross-entropy at every time step, averaged over the non-ignored (n, t) positions (lesson §6.5).</summary>
/// <remarks>
/// scores: (N, T, V), labels: (N, T). A position whose label equals <see cref="IgnoreIndex"/> adds neither loss nor
/// gradient, and the mean divides by the count of the other positions (0 positions: loss 0, gradient 0). Use the
/// max-subtracted softmax. Backward returns (p − onehot) / count, (N, T, V), zero on ignored positions.
/// </remarks>
public sealed class TimeSoftmaxWithLoss
{
    public TimeSoftmaxWithLoss(int ignoreIndex = -1) =>
        throw new NotImplementedException("TimeSoftmaxWithLoss: remember the ignore index (lesson §6.5).");

    public int IgnoreIndex => throw new NotImplementedException("TimeSoftmaxWithLoss.IgnoreIndex (lesson §6.5).");

    public double Forward(Tensor scores, int[,] labels) =>
        throw new NotImplementedException(
            "TimeSoftmaxWithLoss.Forward: a stable softmax per position, −log p of the label, averaged over the positions that count (lesson §6.5).");

    public Tensor Backward() =>
        throw new NotImplementedException("TimeSoftmaxWithLoss.Backward: p − onehot, divided by the same count as the loss; ignored rows get nothing (lesson §6.5).");
}
