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
    private Tensor? _x;          // [N, in], the flattened input of the last Forward
    private int[]? _inputShape;  // X's shape as given, so dX can be handed back in it

    /// <param name="w">Weights [out, in]; wrapped, not copied, so an optimiser updates this tensor.</param>
    /// <param name="b">Bias [out].</param>
    /// <param name="suffix">Appended to the parameter names: "" gives "W" and "b", "1" gives "W1" and "b1".</param>
    public AffineLayer(Tensor w, Tensor b, string suffix = "")
    {
        if (w.Rank != 2 || b.Rank != 1 || b.Dim(0) != w.Dim(0))
            throw new ArgumentException($"AffineLayer: W must be [out, in] and b [out], got W {w.ShapeString} and b {b.ShapeString}.");
        W = new Parameter("W" + suffix, w);
        B = new Parameter("b" + suffix, b);
        Parameters = [W, B];
    }

    /// <summary>Weights [out, in] and their gradient dL/dW.</summary>
    public Parameter W { get; }

    /// <summary>Bias [out] and its gradient dL/db.</summary>
    public Parameter B { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Y = X·Wᵀ + b: [N, in] → [N, out]; b is broadcast over the rows.</summary>
    /// <exception cref="ArgumentException">X does not have <c>in</c> features per sample.</exception>
    public Tensor Forward(Tensor x, bool training = true)
    {
        int inputs = W.Value.Dim(1);
        if (x.Rank < 2 || Shapes.Product(x.Shape[1..]) != inputs)
            throw new ArgumentException($"AffineLayer.Forward: expected input (N, {inputs}) or (N, …) with {inputs} features per sample, got {x.ShapeString}.", nameof(x));
        _inputShape = x.ShapeArray;
        _x = x.Flatten2D();
        return Ops.MatMul(_x, W.Value, transB: true) + B.Value;
    }

    /// <param name="dY">dL/dY, [N, out].</param>
    /// <returns>dL/dX = dY·W, [N, in] reshaped to X's original shape. Overwrites W.Grad = dYᵀ·X ([out, in])
    /// and B.Grad = Σ_n dY ([out]: every row used the same b, so their gradients add up).</returns>
    public Tensor Backward(Tensor dY)
    {
        var x = _x ?? throw new InvalidOperationException("AffineLayer.Backward called before Forward.");
        W.Grad = Ops.MatMul(dY, x, transA: true);   // dYᵀ·X, [out, in]
        B.Grad = dY.Sum(axis: 0);                   // Σ over the batch, [out]
        return Ops.MatMul(dY, W.Value).Reshape(_inputShape!);   // dY·W, [N, in] → X's shape
    }
}
