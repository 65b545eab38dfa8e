namespace Course.Engine.Layers;

/// <summary>Average pooling per channel over PH×PW windows.</summary>
/// <remarks>
/// x: (N, C, H, W) → (N, C, OH, OW). Padded positions count as zeros and the divisor is always PH·PW (PyTorch's
/// <c>count_include_pad=True</c>). No parameters; Forward caches only the input shape; Backward spreads
/// dOut/(PH·PW) over each window.
/// </remarks>
public sealed class AvgPool2d<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _inputShape;

    public AvgPool2d(int pool, int stride, int pad = 0) : this(pool, pool, stride, pad) { }

    public AvgPool2d(int poolHeight, int poolWidth, int stride, int pad = 0)
    {
        PoolingGeometry.ValidateWindow("AvgPool2d", poolHeight, poolWidth, stride, pad);
        PoolHeight = poolHeight;
        PoolWidth = poolWidth;
        Stride = stride;
        Pad = pad;
    }

    public int PoolHeight { get; }
    public int PoolWidth { get; }
    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter<T>> Parameters => [];

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var g = PoolingGeometry.Of("AvgPool2d", x, PoolHeight, PoolWidth, Stride, Pad);
        var y = Tensor<T>.Zeros(g.N, g.C, g.OH, g.OW);
        var xs = x.Span;
        var ys = y.Span;
        T scale = T.One / T.CreateChecked(g.FH * g.FW);
        int o = 0;
        for (int plane = 0; plane < g.N * g.C; plane++)
        {
            int baseIndex = plane * g.H * g.W;
            for (int oy = 0; oy < g.OH; oy++)
            for (int ox = 0; ox < g.OW; ox++, o++)
            {
                T sum = T.Zero;
                for (int fy = 0; fy < g.FH; fy++)
                {
                    int iy = oy * g.Stride - g.Pad + fy;
                    if ((uint)iy >= (uint)g.H) continue;
                    for (int fx = 0; fx < g.FW; fx++)
                    {
                        int ix = ox * g.Stride - g.Pad + fx;
                        if ((uint)ix < (uint)g.W) sum += xs[baseIndex + iy * g.W + ix];
                    }
                }
                ys[o] = sum * scale;
            }
        }
        _inputShape = x.ShapeArray;
        return y;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var shape = _inputShape ?? throw new InvalidOperationException("AvgPool2d.Backward called before Forward.");
        var g = PoolingGeometry.Of("AvgPool2d", Tensor<T>.Zeros(shape), PoolHeight, PoolWidth, Stride, Pad);
        if (dOut.Length != g.N * g.C * g.OH * g.OW)
            throw new ArgumentException($"AvgPool2d.Backward: expected dOut of shape ({g.N}, {g.C}, {g.OH}, {g.OW}), got {dOut.ShapeString}.");
        var dx = Tensor<T>.Zeros(shape);
        var d = dx.Span;
        var dy = dOut.Span;
        T scale = T.One / T.CreateChecked(g.FH * g.FW);
        int o = 0;
        for (int plane = 0; plane < g.N * g.C; plane++)
        {
            int baseIndex = plane * g.H * g.W;
            for (int oy = 0; oy < g.OH; oy++)
            for (int ox = 0; ox < g.OW; ox++, o++)
            {
                T share = dy[o] * scale;
                for (int fy = 0; fy < g.FH; fy++)
                {
                    int iy = oy * g.Stride - g.Pad + fy;
                    if ((uint)iy >= (uint)g.H) continue;
                    for (int fx = 0; fx < g.FW; fx++)
                    {
                        int ix = ox * g.Stride - g.Pad + fx;
                        if ((uint)ix < (uint)g.W) d[baseIndex + iy * g.W + ix] += share;
                    }
                }
            }
        }
        return dx;
    }
}
