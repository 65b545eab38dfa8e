using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Logistic sigmoid <c>y = 1 / (1 + e^(−x))</c>, elementwise; any shape.</summary>
/// <remarks>Forward caches the output y (with <see cref="ReuseBuffers"/> on, y and dX are written into the previous call's tensors). Backward: dX = dOut ⊙ y ⊙ (1 − y) (the derivative in terms of the output).</remarks>
public sealed class Sigmoid<T> : ILayer<T>, IBufferReuse where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _y;
    private readonly ReusableTensor<T> _out = new(), _dx = new();

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <inheritdoc/>
    public bool ReuseBuffers { get; set; }

    /// <summary>x: any shape → y: same shape, values in (0, 1) (exactly 0/1 only where double rounding saturates).</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        // The output is also the cache (no copy): callers must not write into it.
        var y = _out.Take(ReuseBuffers, x.Shape);
        TensorPrimitives.Sigmoid(x.Span, y.Span);
        _y = y;
        return y;
    }

    /// <returns>dL/dx, same shape as x.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var y = _y ?? throw new InvalidOperationException("Sigmoid.Backward called before Forward.");
        ShapeGuard.RequireSameAsOutput("Sigmoid", y, dOut);
        var dx = _dx.Take(ReuseBuffers, y.Shape);   // every element is written below
        var d = dx.Span;
        TensorPrimitives.Subtract(T.One, y.Span, d);        // 1 − y
        TensorPrimitives.Multiply(d, y.Span, d);            // y(1 − y)
        TensorPrimitives.Multiply(d, dOut.Span, d);         // dOut ⊙ y(1 − y)
        return dx;
    }
}
