namespace Course.Day01;

/// <summary>Exercise 1.6 — sigmoid as a layer: y = σ(x) elementwise, any shape (lesson §1.6).</summary>
/// <remarks>Forward caches the output y, because σ'(x) = y(1 − y) needs only y. No parameters.</remarks>
public sealed class SigmoidLayer : ILayer
{
    public IReadOnlyList<Parameter> Parameters =>
        throw new NotImplementedException("SigmoidLayer.Parameters: sigmoid has no parameters — return an empty list, e.g. [] (lesson §1.6).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "SigmoidLayer.Forward: compute y = σ(x) (your Activations.Sigmoid), cache y (the OUTPUT) and return it, same shape as x (lesson §1.6).");

    /// <returns>dX = dOut ⊙ y ⊙ (1 − y), same shape as the input.</returns>
    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "SigmoidLayer.Backward: return dOut ⊙ y ⊙ (1 − y) with the cached output y — not the input x (lesson §1.6).");
}
