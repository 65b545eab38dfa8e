namespace Course.Day01;

/// <summary>Exercise 1.6 — ReLU as a layer: y = max(0, x) elementwise, any shape (lesson §1.6).</summary>
/// <remarks>Forward caches the mask (1 where x &gt; 0, else 0). No parameters.</remarks>
public sealed class ReluLayer : ILayer
{
    public IReadOnlyList<Parameter> Parameters =>
        throw new NotImplementedException("ReluLayer.Parameters: ReLU has no parameters — return an empty list, e.g. [] (lesson §1.6).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "ReluLayer.Forward: cache mask = (x > 0 ? 1 : 0) and return x ⊙ mask, a new tensor of x's shape (lesson §1.6).");

    /// <returns>dX = dOut ⊙ mask, a new tensor; dOut itself must stay unchanged.</returns>
    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "ReluLayer.Backward: return dOut ⊙ mask as a NEW tensor of dOut's shape — do not zero dOut in place as ゼロから's Python does (lesson §1.6).");
}
