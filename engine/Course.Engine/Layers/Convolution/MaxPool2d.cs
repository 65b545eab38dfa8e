using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Max pooling per channel over PH×PW windows.</summary>
/// <remarks>
/// x: (N, C, H, W) → (N, C, OH, OW), OH = (H + 2·pad − PH)/stride + 1. No parameters. Padded positions never win
/// (they count as −∞). Forward caches, for every output, the flat input index of its maximum — the first maximum in
/// row-major window order on ties — and Backward routes each dOut entry to exactly that pixel (overlapping windows add).
/// With <see cref="ReuseBuffers"/> on, y and dX are written into the tensors returned by the previous call.
/// </remarks>
public sealed class MaxPool2d<T> : ILayer<T>, IBufferReuse where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ReusableTensor<T> _y = new(), _dx = new();
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

    /// <inheritdoc/>
    public bool ReuseBuffers { get; set; }

    /// <summary>Flat input index of the maximum for each output element of the last Forward, (N·C·OH·OW).</summary>
    public ReadOnlySpan<int> ArgMax => _argMax;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var g = PoolingGeometry.Of("MaxPool2d", x, PoolHeight, PoolWidth, Stride, Pad);
        var y = _y.Take(ReuseBuffers, g.N, g.C, g.OH, g.OW);   // every output is written
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
    /// Float rows of 8+ windows run eight windows per Vector256 step; the rest runs the scalar loop.
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
                int ox = typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated
                    ? TwoByTwoFloatVector(MemoryMarshal.Cast<T, float>(xs[top..]), MemoryMarshal.Cast<T, float>(ys[o..]),
                                          arg.AsSpan(o), top, w, ow)
                    : 0;
                o += ox;
                for (; ox < ow; ox++, o++)
                {
                    int c = 2 * ox;
                    T a = r0[c], b = r0[c + 1], d = r1[c], e = r1[c + 1];
                    T best = T.MaxNative(T.MaxNative(a, b), T.MaxNative(d, e));
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

    /// <summary>
    /// Eight 2×2 windows per step of one output row: the even and odd columns of both input rows are separated with one
    /// shuffle per 8 floats, the maximum is taken lane-wise, and the winner's offset (0, 1, W or W+1 — the first equal
    /// cell in row-major order) is chosen with masks. <paramref name="x"/> starts at the row pair, <paramref name="y"/>
    /// and <paramref name="arg"/> at the row's first output, all running on to the end of the tensor: a last, partial
    /// step (a row of 7 or 14 windows) reads into the next row pair and writes lanes past the row into the next row's
    /// outputs, which that row overwrites. Returns how many of this row's outputs are done (the caller finishes the rest).
    /// </summary>
    private static int TwoByTwoFloatVector(ReadOnlySpan<float> x, Span<float> y, Span<int> arg, int top, int w, int ow)
    {
        int ox = 0;
        var evenOdd = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        var columnPairs = Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14);
        var one = Vector256<int>.One;
        var below = Vector256.Create(w);
        var belowRight = Vector256.Create(w + 1);
        ref float p0 = ref MemoryMarshal.GetReference(x);
        ref float p1 = ref Unsafe.Add(ref p0, w);
        // In bounds: the second row's 16 floats from column 2·ox, and 8 outputs from ox.
        for (; ox < ow && w + 2 * ox + 16 <= x.Length && ox + 8 <= y.Length; ox += 8)
        {
            nuint c = (nuint)(2 * ox);
            var (a, b) = EvenOdd(Vector256.LoadUnsafe(ref p0, c), Vector256.LoadUnsafe(ref p0, c + 8), evenOdd);
            var (d, e) = EvenOdd(Vector256.LoadUnsafe(ref p1, c), Vector256.LoadUnsafe(ref p1, c + 8), evenOdd);
            var best = Vector256.MaxNative(Vector256.MaxNative(a, b), Vector256.MaxNative(d, e));
            var offset = Vector256.ConditionalSelect(Vector256.Equals(a, best).AsInt32(), Vector256<int>.Zero,
                         Vector256.ConditionalSelect(Vector256.Equals(b, best).AsInt32(), one,
                         Vector256.ConditionalSelect(Vector256.Equals(d, best).AsInt32(), below, belowRight)));
            best.StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)ox);
            (Vector256.Create(top + 2 * ox) + columnPairs + offset).StoreUnsafe(ref MemoryMarshal.GetReference(arg), (nuint)ox);
        }
        return Math.Min(ox, ow);
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
            var tiled = _dx.Take(ReuseBuffers, _inputShape);
            var t = tiled.Span;
            int w = _inputShape[3], ow = w / 2;
            for (int row = 0, o = 0; o < arg.Length; row++)
            {
                // Output o = (plane·OH + oy)·OW + ox; its window's top-left cell is (plane·H + 2·oy)·W + 2·ox = 2·row·W + 2·ox.
                int top = 2 * row * w;
                int ox = typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated
                    ? TwoByTwoBackwardFloatVector(MemoryMarshal.Cast<T, float>(dy[o..]), arg.AsSpan(o), MemoryMarshal.Cast<T, float>(t[top..]), top, w, ow)
                    : 0;
                for (o += ox; ox < ow; ox++, o++)
                {
                    int cell = top + 2 * ox;
                    t[cell] = T.Zero; t[cell + 1] = T.Zero; t[cell + w] = T.Zero; t[cell + w + 1] = T.Zero;
                    t[arg[o]] = dy[o];
                }
            }
            return tiled;
        }
        var dx = _dx.Take(ReuseBuffers, _inputShape);
        var d = dx.Span;
        d.Clear();   // overlapping windows add into it
        for (int o = 0; o < arg.Length; o++) d[arg[o]] += dy[o];
        return dx;
    }

    /// <summary>
    /// The adjoint of <see cref="TwoByTwoFloatVector"/> for eight windows per step: each window's four cells get dOut
    /// at the winner's offset and 0 elsewhere, re-interleaved into both input rows. <paramref name="dx"/> starts at the
    /// row pair and runs on to the end of the tensor, as do <paramref name="dy"/> and <paramref name="arg"/> from the
    /// row's first output. A partial last step writes past its row: the top row's overflow lands in the bottom row, so
    /// the top row is written first and the bottom row after it; the bottom row's overflow lands in the next row pair,
    /// which a later call rewrites.
    /// </summary>
    private static int TwoByTwoBackwardFloatVector(ReadOnlySpan<float> dy, ReadOnlySpan<int> arg, Span<float> dx, int top, int w, int ow)
    {
        int steps = 0;
        while (steps * 8 < ow && w + 16 * steps + 16 <= dx.Length && 8 * steps + 8 <= dy.Length) steps++;
        var columnPairs = Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14);
        ref float row = ref MemoryMarshal.GetReference(dx);
        for (int bottom = 0; bottom < 2; bottom++, row = ref Unsafe.Add(ref row, w))
        {
            // Offsets of the two cells of this row inside a window: 0 and 1 on top, W and W+1 below.
            var left = Vector256.Create(bottom * w);
            var right = Vector256.Create(bottom * w + 1);
            for (int s = 0; s < steps; s++)
            {
                int ox = 8 * s;
                var g = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(dy), (nuint)ox);
                var offset = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(arg), (nuint)ox) - Vector256.Create(top + 2 * ox) - columnPairs;
                Interleave(Vector256.ConditionalSelect(Vector256.Equals(offset, left).AsSingle(), g, Vector256<float>.Zero),
                           Vector256.ConditionalSelect(Vector256.Equals(offset, right).AsSingle(), g, Vector256<float>.Zero),
                           ref row, (nuint)(2 * ox));
            }
        }
        return Math.Min(8 * steps, ow);
    }

    /// <summary>Stores even[0], odd[0], even[1], odd[1], … (16 floats) at <paramref name="destination"/> + <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave(Vector256<float> even, Vector256<float> odd, ref float destination, nuint index)
    {
        var pairs = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        Vector256.Shuffle(Vector256.Create(even.GetLower(), odd.GetLower()), pairs).StoreUnsafe(ref destination, index);
        Vector256.Shuffle(Vector256.Create(even.GetUpper(), odd.GetUpper()), pairs).StoreUnsafe(ref destination, index + 8);
    }

    /// <summary>The even-indexed and odd-indexed elements of 16 consecutive floats (lo, hi), 8 each, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Even, Vector256<float> Odd) EvenOdd(Vector256<float> lo, Vector256<float> hi, Vector256<int> evenOdd)
    {
        var l = Vector256.Shuffle(lo, evenOdd);
        var h = Vector256.Shuffle(hi, evenOdd);
        return (Vector256.Create(l.GetLower(), h.GetLower()), Vector256.Create(l.GetUpper(), h.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool condition) => condition ? 1 : 0;
}
