namespace Course.Day01;

/// <summary>Exercise 1.6 — ReLU as a layer: y = max(0, x) elementwise, any shape (lesson §1.6).</summary>
/// <remarks>Forward caches the mask (1 where x &gt; 0, else 0). No parameters.</remarks>
public sealed class ReluLayer : ILayer
{
    private Tensor? _mask;

    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        _mask = x.Map(v => v > 0 ? 1.0 : 0.0);
        return x * _mask;
    }

    /// <returns>dX = dOut ⊙ mask: the gradient flows through where the input was positive and stops elsewhere.
    /// A new tensor; <paramref name="dOut"/> is left untouched (another layer may still need it).</returns>
    public Tensor Backward(Tensor dOut)
    {
        var mask = _mask ?? throw new InvalidOperationException("ReluLayer.Backward called before Forward.");
        if (!dOut.SameShape(mask))
            throw new ArgumentException($"ReluLayer.Backward: dOut {dOut.ShapeString} does not match the forward input {mask.ShapeString}.", nameof(dOut));
        return dOut * mask;
    }
}
