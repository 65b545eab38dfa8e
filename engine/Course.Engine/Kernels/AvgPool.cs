namespace Course.Engine.Kernels;

/// <summary>
/// Average pooling per channel over FH×FW windows of a (N, C, H, W) input, y (N, C, OH, OW). Padded positions count
/// as zeros and the divisor is always FH·FW (PyTorch's <c>count_include_pad=True</c>).
/// </summary>
internal static class AvgPool
{
    /// <summary>y = the mean of each window; writes every element of <paramref name="ys"/>.</summary>
    public static void Forward<T>(ReadOnlySpan<T> xs, Span<T> ys, ConvGeometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
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
    }

    /// <summary>dX: dOut/(FH·FW) spread over each window (overlapping windows add); writes every element of <paramref name="d"/>.</summary>
    public static void Backward<T>(ReadOnlySpan<T> dy, Span<T> d, ConvGeometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        d.Clear();
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
    }
}
