namespace Cert.Technical;

/// <summary>T4: softmax cross-entropy over (N, T, V) where sequence i only counts its first lengths[i] steps.</summary>
/// <remarks>The loss is the mean over the Σ lengths counted steps; steps past a sequence's length get zero gradient.</remarks>
public sealed class MaskedTimeSoftmaxWithLoss
{
    public double Forward(Tensor scores, int[,] labels, int[] lengths) =>
        throw new NotImplementedException("MaskedTimeSoftmaxWithLoss.Forward: softmax per (n, t); sum −log p[label] over t < lengths[n] only; divide by Σ lengths.");

    public Tensor Backward() =>
        throw new NotImplementedException("MaskedTimeSoftmaxWithLoss.Backward: (p − onehot)/Σ lengths at counted steps, zero elsewhere.");
}
