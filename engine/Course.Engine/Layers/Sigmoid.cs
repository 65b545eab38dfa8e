using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Logistic sigmoid <c>y = 1 / (1 + e^(−x))</c>, elementwise; any shape.</summary>
/// <remarks>Forward caches the output y. Backward: dX = dOut ⊙ y ⊙ (1 − y) (the derivative in terms of the output).</remarks>
public sealed class Sigmoid<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _y;

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <summary>x: any shape → y: same shape, values in (0, 1) (exactly 0/1 only where double rounding saturates).</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        // The output is also the cache (no copy): callers must not write into it.
        _y = Ops.Sigmoid(x);
        return _y;
    }

    /// <returns>dL/dx, same shape as x.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var y = _y ?? throw new InvalidOperationException("Sigmoid.Backward called before Forward.");
        ShapeGuard.RequireSameAsOutput("Sigmoid", y, dOut);
        var dx = Tensor<T>.ZerosLike(y);
        var d = dx.Span;
        TensorPrimitives.Subtract(T.One, y.Span, d);        // 1 − y
        TensorPrimitives.Multiply(d, y.Span, d);            // y(1 − y)
        TensorPrimitives.Multiply(d, dOut.Span, d);         // dOut ⊙ y(1 − y)
        return dx;
    }
}
