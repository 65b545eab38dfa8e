namespace Course.Day01;

/// <summary>Exercise 1.6 — sigmoid as a layer: y = σ(x) elementwise, any shape (lesson §1.6).</summary>
/// <remarks>Forward caches the output y, because σ'(x) = y(1 − y) needs only y. No parameters.</remarks>
public sealed class SigmoidLayer : ILayer
{
    private Tensor? _y;

    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        _y = Activations.Sigmoid(x);
        return _y;
    }

    /// <returns>dX = dOut ⊙ y ⊙ (1 − y), same shape as the input.</returns>
    public Tensor Backward(Tensor dOut)
    {
        var y = _y ?? throw new InvalidOperationException("SigmoidLayer.Backward called before Forward.");
        if (!dOut.SameShape(y))
            throw new ArgumentException($"SigmoidLayer.Backward: dOut {dOut.ShapeString} does not match the forward output {y.ShapeString}.", nameof(dOut));
        return dOut * y * (1.0 - y);
    }
}
