namespace Course.Engine.Kernels;

/// <summary>
/// Max pooling per channel over FH×FW windows of a (N, C, H, W) input, y (N, C, OH, OW), remembering for each output
/// the flat input index of its maximum (the first maximum in row-major window order on ties); padded positions never
/// win. The 2×2 stride-2 case runs <see cref="MaxPool2x2"/>.
/// </summary>
internal static class MaxPool
{
    /// <summary>y and <paramref name="arg"/> (N·C·OH·OW each) from x; writes every element of both.</summary>
    public static void Forward<T>(ReadOnlySpan<T> xs, Span<T> ys, Span<int> arg, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int h = g.H, w = g.W, oh = g.OH, ow = g.OW, fh = g.FH, fw = g.FW, stride = g.Stride, pad = g.Pad;
        if (MaxPool2x2.Suits(g))
        {
            MaxPool2x2.Forward(xs, ys, arg, g.N * g.C, h, w, oh, ow);
            return;
        }
        int o = 0;
        for (int plane = 0; plane < g.N * g.C; plane++)
        {
            int baseIndex = plane * h * w;
            for (int oy = 0; oy < oh; oy++)
            {
                // Clip the window rows to the image once per output row; padded cells never win.
                int y0 = oy * stride - pad, yLo = Math.Max(y0, 0), yHi = Math.Min(y0 + fh, h);
                for (int ox = 0; ox < ow; ox++, o++)
                {
                    int x0 = ox * stride - pad, xLo = Math.Max(x0, 0), xHi = Math.Min(x0 + fw, w);
                    int best = baseIndex + yLo * w + xLo;
                    T bestValue = xs[best];
                    for (int iy = yLo; iy < yHi; iy++)
                    {
                        int rowStart = baseIndex + iy * w;
                        for (int ix = xLo; ix < xHi; ix++)
                        {
                            T v = xs[rowStart + ix];
                            if (v > bestValue) { best = rowStart + ix; bestValue = v; }
                        }
                    }
                    arg[o] = best;
                    ys[o] = bestValue;
                }
            }
        }
    }

    /// <summary>dX: each dOut entry routed to its window's maximum (overlapping windows add); writes every element of dx.</summary>
    public static void Backward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<int> arg, Span<T> dx, ConvGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (MaxPool2x2.Tiles(g))
        {
            MaxPool2x2.Backward(dy, arg, dx, g.W);
            return;
        }
        dx.Clear();   // overlapping windows add into it
        for (int o = 0; o < arg.Length; o++) dx[arg[o]] += dy[o];
    }
}
