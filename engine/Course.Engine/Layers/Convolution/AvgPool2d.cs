namespace Course.Engine.Layers;

/// <summary>Average pooling per channel over PH×PW windows.</summary>
/// <remarks>
/// x: (N, C, H, W) → (N, C, OH, OW). Padded positions count as zeros and the divisor is always PH·PW (PyTorch's
/// <c>count_include_pad=True</c>). No parameters; Forward caches only the input shape; Backward spreads
/// dOut/(PH·PW) over each window.
/// </remarks>
public sealed class AvgPool2d<T> : Pool2d<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _inputShape;

    public AvgPool2d(int pool, int stride, int pad = 0) : this(pool, pool, stride, pad) { }

    public AvgPool2d(int poolHeight, int poolWidth, int stride, int pad = 0) : base("AvgPool2d", poolHeight, poolWidth, stride, pad) { }

    public override Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var g = Geometry(x);
        var y = Tensor<T>.Zeros(g.N, g.C, g.OH, g.OW);
        Kernels.AvgPool.Forward<T>(x.Span, y.Span, g);   // the mean of each window
        _inputShape = x.ShapeArray;
        return y;
    }

    public override Tensor<T> Backward(Tensor<T> dOut)
    {
        var shape = _inputShape ?? throw new InvalidOperationException("AvgPool2d.Backward called before Forward.");
        var g = Geometry(shape);
        if (dOut.Length != g.N * g.C * g.OH * g.OW)
            throw new ArgumentException($"AvgPool2d.Backward: expected dOut of shape ({g.N}, {g.C}, {g.OH}, {g.OW}), got {dOut.ShapeString}.");
        var dx = Tensor<T>.Zeros(shape);
        Kernels.AvgPool.Backward<T>(dOut.Span, dx.Span, g);   // dOut/(PH·PW) spread over each window
        return dx;
    }
}
