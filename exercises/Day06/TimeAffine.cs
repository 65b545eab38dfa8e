namespace Course.Day06;

/// <summary>Exercise 6.5 — the same affine map at every time step, (N, T, H) → (N, T, V), Y = X·Wᵀ + b (lesson §6.5).</summary>
/// <remarks>
/// W: (outDim, inDim) drawn as <c>rng.Normal(√(1/inDim), outDim, inDim)</c> (Xavier), b: (outDim) zeros; parameters
/// "W", "b". Reshape to (N·T, H), do one product, reshape back; Backward sums the gradients over N and T.
/// </remarks>
public sealed class TimeAffine : ILayer
{
    public TimeAffine(int inDim, int outDim, Rng rng) =>
        throw new NotImplementedException("TimeAffine: draw W (outDim, inDim) with the Xavier standard deviation; b starts at zero (lesson §6.5).");

    public Parameter W => throw new NotImplementedException("TimeAffine.W (lesson §6.5).");
    public Parameter B => throw new NotImplementedException("TimeAffine.B (lesson §6.5).");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("TimeAffine.Parameters: W, b (lesson §6.5).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("TimeAffine.Forward: treat the N·T positions as one big batch (lesson §6.5).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("TimeAffine.Backward: the same trick backwards — the weight gradients collect every position (lesson §6.5).");
}
