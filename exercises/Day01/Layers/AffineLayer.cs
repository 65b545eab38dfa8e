namespace Course.Day01;

/// <summary>
/// Exercise 1.6 — fully connected (Affine) layer <c>Y = X·Wᵀ + b</c>, seed 003's W·x orientation (lesson §1.6).
/// </summary>
/// <remarks>
/// X: [N, in] (or [N, C, H, W], flattened to [N, C·H·W]) → Y: [N, out]; W: [out, in]; b: [out].
/// Forward caches the flattened X and X's original shape.
/// </remarks>
public sealed class AffineLayer : ILayer
{
    /// <param name="w">Weights [out, in]; wrapped, not copied, so an optimiser updates this tensor.</param>
    /// <param name="b">Bias [out].</param>
    /// <param name="suffix">Appended to the parameter names: "" gives "W" and "b", "1" gives "W1" and "b1".</param>
    public AffineLayer(Tensor w, Tensor b, string suffix = "") =>
        throw new NotImplementedException(
            "AffineLayer(w, b, suffix): store W = new Parameter(\"W\" + suffix, w) and B = new Parameter(\"b\" + suffix, b) " +
            "and Parameters = [W, B]; throw ArgumentException unless w is [out, in] and b is [out] (lesson §1.6).");

    /// <summary>Weights [out, in] and their gradient dL/dW.</summary>
    public Parameter W { get; }

    /// <summary>Bias [out] and its gradient dL/db.</summary>
    public Parameter B { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Y = X·Wᵀ + b: [N, in] → [N, out]; b is broadcast over the rows.</summary>
    /// <exception cref="ArgumentException">X does not have <c>in</c> features per sample.</exception>
    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "AffineLayer.Forward: flatten x to [N, in] (x.Flatten2D(); ArgumentException naming AffineLayer and both shapes if in ≠ W's width), " +
            "cache it and x's shape, return Ops.MatMul(X, W.Value, transB: true) + B.Value, shape [N, out] (lesson §1.6).");

    /// <param name="dY">dL/dY, [N, out].</param>
    /// <returns>dL/dX [N, in] reshaped to X's original shape; overwrites W.Grad and B.Grad.</returns>
    public Tensor Backward(Tensor dY) =>
        throw new NotImplementedException(
            "AffineLayer.Backward: set W.Grad = dYᵀ·X ([out, in], Ops.MatMul(dY, X, transA: true)) and B.Grad = Σ over the batch of dY ([out]); " +
            "return dY·W ([N, in]) reshaped to the shape x had in Forward (lesson §1.6).");
}
