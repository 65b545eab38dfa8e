using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Hyperbolic tangent, elementwise; any shape.</summary>
/// <remarks>Forward caches the output y (with <see cref="ReuseBuffers"/> on, y and dX are written into the previous call's tensors). Backward: dX = dOut ⊙ (1 − y²).</remarks>
public sealed class Tanh<T> : ILayer<T>, IBufferReuse where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _y;
    private readonly ReusableTensor<T> _out = new(), _dx = new();

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <inheritdoc/>
    public bool ReuseBuffers { get; set; }

    /// <summary>x: any shape → y: same shape, values in (−1, 1).</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        // The output is also the cache (no copy): callers must not write into it.
        var y = _out.Take(ReuseBuffers, x.Shape);
        TensorPrimitives.Tanh(x.Span, y.Span);
        _y = y;
        return y;
    }

    /// <returns>dL/dx, same shape as x.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var y = _y ?? throw new InvalidOperationException("Tanh.Backward called before Forward.");
        ShapeGuard.RequireSameAsOutput("Tanh", y, dOut);
        var dx = _dx.Take(ReuseBuffers, y.Shape);   // every element is written below
        var d = dx.Span;
        TensorPrimitives.Multiply(y.Span, y.Span, d);       // y²
        TensorPrimitives.Subtract(T.One, d, d);             // 1 − y²
        TensorPrimitives.Multiply(d, dOut.Span, d);         // dOut ⊙ (1 − y²)
        return dx;
    }
}
