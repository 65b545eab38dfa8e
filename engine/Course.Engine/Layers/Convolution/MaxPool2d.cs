using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Max pooling per channel over PH×PW windows.</summary>
/// <remarks>
/// x: (N, C, H, W) → (N, C, OH, OW), OH = (H + 2·pad − PH)/stride + 1. No parameters. Padded positions never win
/// (they count as −∞). Forward caches, for every output, the flat input index of its maximum — the first maximum in
/// row-major window order on ties — and Backward routes each dOut entry to exactly that pixel (overlapping windows add).
/// </remarks>
public sealed class MaxPool2d<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _argMax;    // reused across calls (the cache)
    private int[] _inputShape = [];
    private bool _tiled;       // last Forward was 2×2 stride 2 on even H and W: the windows tile the input exactly

    /// <summary>Square windows <paramref name="pool"/>×<paramref name="pool"/>.</summary>
    public MaxPool2d(int pool, int stride, int pad = 0) : this(pool, pool, stride, pad) { }

    public MaxPool2d(int poolHeight, int poolWidth, int stride, int pad = 0)
    {
        PoolingGeometry.ValidateWindow("MaxPool2d", poolHeight, poolWidth, stride, pad);
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

    /// <summary>Flat input index of the maximum for each output element of the last Forward, (N·C·OH·OW).</summary>
    public ReadOnlySpan<int> ArgMax => _argMax;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var g = PoolingGeometry.Of("MaxPool2d", x, PoolHeight, PoolWidth, Stride, Pad);
        var y = Tensor<T>.Uninitialized(g.N, g.C, g.OH, g.OW);   // every output is written
        var arg = ScratchBuffer.Exact(ref _argMax, y.Length);
        var xs = x.Span;
        var ys = y.Span;
        int h = g.H, w = g.W, oh = g.OH, ow = g.OW, fh = g.FH, fw = g.FW, stride = g.Stride, pad = g.Pad;
        if (fh == 2 && fw == 2 && stride == 2 && pad == 0)
        {
            TwoByTwo(xs, ys, arg, g.N * g.C, h, w, oh, ow);
            _inputShape = x.ShapeArray;
            _tiled = h % 2 == 0 && w % 2 == 0;
            return y;
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
        _inputShape = x.ShapeArray;
        _tiled = false;
        return y;
    }

    /// <summary>
    /// The common 2×2, stride-2, unpadded case without the general loop's clipping, and without data-dependent branches:
    /// on real activations which of the four cells wins is unpredictable, and mispredictions cost more than the work.
    /// </summary>
    private static void TwoByTwo(ReadOnlySpan<T> xs, Span<T> ys, int[] arg, int planes, int h, int w, int oh, int ow)
    {
        int o = 0;
        for (int plane = 0; plane < planes; plane++)
        {
            int baseIndex = plane * h * w;
            for (int oy = 0; oy < oh; oy++)
            {
                int top = baseIndex + 2 * oy * w;
                var r0 = xs.Slice(top, 2 * ow);
                var r1 = xs.Slice(top + w, 2 * ow);
                for (int ox = 0; ox < ow; ox++, o++)
                {
                    int c = 2 * ox;
                    T a = r0[c], b = r0[c + 1], d = r1[c], e = r1[c + 1];
                    T best = T.Max(T.Max(a, b), T.Max(d, e));
                    // Index of the first cell equal to the maximum, in row-major order, with arithmetic instead of branches:
                    // k = 0 if a wins, else 1 if b, else 2 if d, else 3.
                    int notA = Bit(a != best), notB = Bit(b != best), notD = Bit(d != best);
                    int k = notA * (1 + notB * (1 + notD));
                    ys[o] = best;
                    arg[o] = top + c + (k & 1) + (k >> 1) * w;
                }
            }
        }
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var arg = _argMax ?? throw new InvalidOperationException("MaxPool2d.Backward called before Forward.");
        if (dOut.Length != arg.Length)
            throw new ArgumentException($"MaxPool2d.Backward: dOut has shape {dOut.ShapeString}, but the last Forward produced {arg.Length} outputs.");
        var dy = dOut.Span;
        if (_tiled)
        {
            // Every input pixel lies in exactly one window: write each window's four cells (the winner gets dOut, the
            // other three 0) instead of zeroing the whole input first and scattering.
            var tiled = Tensor<T>.Uninitialized(_inputShape);
            var t = tiled.Span;
            int w = _inputShape[3], ow = w / 2;
            for (int o = 0; o < arg.Length; o++)
            {
                // Output o = (plane·OH + oy)·OW + ox; its window's top-left cell is (plane·H + 2·oy)·W + 2·ox.
                int row = o / ow, ox = o - row * ow;
                int top = 2 * row * w + 2 * ox;
                t[top] = T.Zero; t[top + 1] = T.Zero; t[top + w] = T.Zero; t[top + w + 1] = T.Zero;
                t[arg[o]] = dy[o];
            }
            return tiled;
        }
        var dx = Tensor<T>.Zeros(_inputShape);
        var d = dx.Span;
        for (int o = 0; o < arg.Length; o++) d[arg[o]] += dy[o];
        return dx;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool condition) => condition ? 1 : 0;
}
