using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Hyperbolic tangent, elementwise; any shape.</summary>
/// <remarks>Forward caches the output y. Backward: dX = dOut ⊙ (1 − y²).</remarks>
public sealed class Tanh<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _y;

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <summary>x: any shape → y: same shape, values in (−1, 1).</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        // The output is also the cache (no copy): callers must not write into it.
        _y = Ops.Tanh(x);
        return _y;
    }

    /// <returns>dL/dx, same shape as x.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var y = _y ?? throw new InvalidOperationException("Tanh.Backward called before Forward.");
        ShapeGuard.RequireSameAsOutput("Tanh", y, dOut);
        var dx = Tensor<T>.ZerosLike(y);
        var d = dx.Span;
        TensorPrimitives.Multiply(y.Span, y.Span, d);       // y²
        TensorPrimitives.Subtract(T.One, d, d);             // 1 − y²
        TensorPrimitives.Multiply(d, dOut.Span, d);         // dOut ⊙ (1 − y²)
        return dx;
    }
}
