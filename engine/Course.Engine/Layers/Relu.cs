namespace Course.Engine.Layers;

/// <summary>Rectified linear unit <c>y = max(0, x)</c>, elementwise; any shape.</summary>
/// <remarks>
/// Forward caches x. Backward: dX = dOut where x &gt; 0, else 0 (the derivative at exactly 0 is taken as 0,
/// matching the mask <c>x &gt; 0</c> of ゼロから作るDeep Learning §5.5). With <see cref="ReuseBuffers"/> on, y and dX are
/// written into the tensors returned by the previous call.
/// </remarks>
public sealed class Relu<T> : ILayer<T>, IBufferReuse where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _x;
    private readonly ReusableTensor<T> _y = new(), _dx = new();

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <inheritdoc/>
    public bool ReuseBuffers { get; set; }

    /// <summary>x: any shape → y: same shape.</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        _x = x;
        var y = _y.Take(ReuseBuffers, x.Shape);
        Kernels.ElementwiseSplit.For(x.Length, (start, count) =>
            System.Numerics.Tensors.TensorPrimitives.Max(x.Span.Slice(start, count), T.Zero, y.Span.Slice(start, count)));
        return y;
    }

    /// <returns>dL/dx, same shape as x.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var x = _x ?? throw new InvalidOperationException("Relu.Backward called before Forward.");
        ShapeGuard.RequireSameAsOutput("Relu", x, dOut);
        var dx = _dx.Take(ReuseBuffers, x.Shape);   // the mask kernel writes every element
        Kernels.ElementwiseSplit.For(x.Length, (start, count) =>
            Kernels.Masks.SelectWherePositive(x.Span.Slice(start, count), dOut.Span.Slice(start, count), dx.Span.Slice(start, count)));
        return dx;
    }
}
