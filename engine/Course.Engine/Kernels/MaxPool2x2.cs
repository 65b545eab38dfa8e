using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Course.Engine.Kernels;

/// <summary>
/// 2×2 max pooling with stride 2 and no padding, the CNN's common case, without the general loop's clipping and
/// without data-dependent branches: on real activations which of the four cells wins is unpredictable, and
/// mispredictions cost more than the work. Float rows of 8+ windows run eight windows per Vector256 step; the rest
/// (and double) runs the scalar loop. Ties go to the first maximum in row-major window order, as in the general loop.
/// </summary>
internal static class MaxPool2x2
{
    /// <summary>Whether <paramref name="g"/> is the 2×2, stride-2, unpadded case.</summary>
    public static bool Suits(ConvGeometry g) => g.FH == 2 && g.FW == 2 && g.Stride == 2 && g.Pad == 0;

    /// <summary>Whether the windows also tile the input exactly (even H and W), so Backward can skip the clearing.</summary>
    public static bool Tiles(ConvGeometry g) => Suits(g) && g.H % 2 == 0 && g.W % 2 == 0;

    /// <summary>
    /// y and, in <paramref name="arg"/>, the flat input index of each window's maximum, over <paramref name="planes"/>
    /// (N·C) planes of h×w inputs and oh×ow outputs.
    /// </summary>
    public static void Forward<T>(ReadOnlySpan<T> xs, Span<T> ys, Span<int> arg, int planes, int h, int w, int oh, int ow)
        where T : unmanaged, IFloatingPointIeee754<T>
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
                    ? ForwardFloatVector(MemoryMarshal.Cast<T, float>(xs[top..]), MemoryMarshal.Cast<T, float>(ys[o..]),
                                          arg[o..], top, w, ow)
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
    private static int ForwardFloatVector(ReadOnlySpan<float> x, Span<float> y, Span<int> arg, int top, int w, int ow)
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

    /// <summary>
    /// The adjoint of <see cref="Forward{T}"/> when the windows tile the input exactly (even H and W): every input pixel
    /// lies in exactly one window, so each window's four cells are written (the winner gets dOut, the other three 0)
    /// instead of zeroing the whole input first and scattering. Writes every element of <paramref name="t"/>.
    /// </summary>
    public static void Backward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<int> arg, Span<T> t, int w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int ow = w / 2;
        for (int row = 0, o = 0; o < arg.Length; row++)
        {
            // Output o = (plane·OH + oy)·OW + ox; its window's top-left cell is (plane·H + 2·oy)·W + 2·ox = 2·row·W + 2·ox.
            int top = 2 * row * w;
            int ox = typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated
                ? BackwardFloatVector(MemoryMarshal.Cast<T, float>(dy[o..]), arg[o..], MemoryMarshal.Cast<T, float>(t[top..]), top, w, ow)
                : 0;
            for (o += ox; ox < ow; ox++, o++)
            {
                int cell = top + 2 * ox;
                t[cell] = T.Zero; t[cell + 1] = T.Zero; t[cell + w] = T.Zero; t[cell + w + 1] = T.Zero;
                t[arg[o]] = dy[o];
            }
        }
    }

    /// <summary>
    /// The adjoint of <see cref="ForwardFloatVector"/> for eight windows per step: each window's four cells get dOut
    /// at the winner's offset and 0 elsewhere, re-interleaved into both input rows. <paramref name="dx"/> starts at the
    /// row pair and runs on to the end of the tensor, as do <paramref name="dy"/> and <paramref name="arg"/> from the
    /// row's first output. A partial last step writes past its row: the top row's overflow lands in the bottom row, so
    /// the top row is written first and the bottom row after it; the bottom row's overflow lands in the next row pair,
    /// which a later call rewrites.
    /// </summary>
    private static int BackwardFloatVector(ReadOnlySpan<float> dy, ReadOnlySpan<int> arg, Span<float> dx, int top, int w, int ow)
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
