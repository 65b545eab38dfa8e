using System.Runtime.InteropServices;

namespace Course.Engine.Kernels;

/// <summary>
/// im2col / col2im in the "filter-major" layout the engine's convolutions use:
/// <c>col[(c·FH + fy)·FW + fx, (n·OH + oy)·OW + ox] = xpad[n, c, oy·S + fy, ox·S + fx]</c>, i.e. col is
/// <c>[C·FH·FW, N·OH·OW]</c> so that <c>W.Reshape(FN, C·FH·FW) · col</c> is one GEMM.
/// </summary>
/// <remarks>
/// This is the transpose of the course's Day-4 layout (rows = output positions); the engine prefers it because every
/// write below is a contiguous run along the output row (a span copy for stride 1). Padding is never materialised.
/// </remarks>
internal static class Im2Col
{
    /// <summary>Fills <paramref name="col"/> [K, NP] from <paramref name="x"/> (N, C, H, W); padded positions become 0.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> col, in ConvGeometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int oh = g.OH, ow = g.OW, np = g.NP, s = g.Stride, p = g.Pad;
        for (int c = 0; c < g.C; c++)
        for (int fy = 0; fy < g.FH; fy++)
        for (int fx = 0; fx < g.FW; fx++)
        {
            var row = col.Slice(((c * g.FH + fy) * g.FW + fx) * np, np);
            ValidRange(fx, s, p, g.W, ow, out int oxLo, out int oxHi);
            if (s == 1 && ow == g.W)
            {
                for (int n = 0; n < g.N; n++)
                    SameWidthBlock(x.Slice((n * g.C + c) * g.H * g.W, g.H * g.W), row.Slice(n * oh * ow, oh * ow), fy, fx, g, oxLo, oxHi);
                continue;
            }
            for (int n = 0; n < g.N; n++)
            {
                var plane = x.Slice((n * g.C + c) * g.H * g.W, g.H * g.W);
                for (int oy = 0; oy < oh; oy++)
                {
                    var dst = row.Slice((n * oh + oy) * ow, ow);
                    int iy = oy * s - p + fy;
                    if ((uint)iy >= (uint)g.H || oxLo >= oxHi) { dst.Clear(); continue; }
                    dst[..oxLo].Clear();
                    dst[oxHi..].Clear();
                    var src = plane.Slice(iy * g.W, g.W);
                    if (s == 1)
                        src.Slice(oxLo - p + fx, oxHi - oxLo).CopyTo(dst[oxLo..oxHi]);
                    else
                        for (int ox = oxLo; ox < oxHi; ox++) dst[ox] = src[ox * s - p + fx];
                }
            }
        }
    }

    /// <summary>
    /// The adjoint of <see cref="Forward{T}"/>: overwrites <paramref name="dx"/> (N, C, H, W) with the sum of every column
    /// entry that was read from each pixel (overlapping windows accumulate; padding is dropped).
    /// </summary>
    /// <remarks>
    /// <paramref name="col"/> is scratch: entries that belong to padded positions (they carry no gradient) may be zeroed,
    /// so that stride-1 "same width" rows can be added as one block per image.
    /// </remarks>
    public static void Backward<T>(Span<T> col, Span<T> dx, in ConvGeometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dx.Clear();
        int oh = g.OH, ow = g.OW, np = g.NP, s = g.Stride, p = g.Pad;
        for (int c = 0; c < g.C; c++)
        for (int fy = 0; fy < g.FH; fy++)
        for (int fx = 0; fx < g.FW; fx++)
        {
            var row = col.Slice(((c * g.FH + fy) * g.FW + fx) * np, np);
            ValidRange(fx, s, p, g.W, ow, out int oxLo, out int oxHi);
            if (oxLo >= oxHi) continue;
            if (s == 1 && ow == g.W)
            {
                for (int n = 0; n < g.N; n++)
                    SameWidthBlockAdd(row.Slice(n * oh * ow, oh * ow), dx.Slice((n * g.C + c) * g.H * g.W, g.H * g.W), fy, fx, g, oxLo, oxHi);
                continue;
            }
            for (int n = 0; n < g.N; n++)
            {
                var plane = dx.Slice((n * g.C + c) * g.H * g.W, g.H * g.W);
                for (int oy = 0; oy < oh; oy++)
                {
                    int iy = oy * s - p + fy;
                    if ((uint)iy >= (uint)g.H) continue;
                    var src = row.Slice((n * oh + oy) * ow, ow);
                    var dst = plane.Slice(iy * g.W, g.W);
                    if (s == 1)
                        AddRun(dst.Slice(oxLo - p + fx, oxHi - oxLo), src[oxLo..oxHi]);
                    else
                        for (int ox = oxLo; ox < oxHi; ox++) dst[ox * s - p + fx] += src[ox];
                }
            }
        }
    }

    /// <summary>
    /// Stride 1 with OW == W: output (oy, ox) reads pixel index (oy·W + ox) + δ with δ = (fy − p)·W + (fx − p), a constant
    /// shift, so the valid rows of one image are ONE contiguous copy; the entries whose column wrapped into the
    /// neighbouring row (ox outside [oxLo, oxHi)) are then overwritten with the padding's zeros.
    /// </summary>
    private static void SameWidthBlock<T>(ReadOnlySpan<T> plane, Span<T> dst, int fy, int fx, in ConvGeometry g, int oxLo, int oxHi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = g.W, p = g.Pad, oh = g.OH;
        int oyLo = Math.Max(0, p - fy), oyHi = Math.Min(oh, g.H + p - fy);
        if (oyLo >= oyHi || oxLo >= oxHi) { dst.Clear(); return; }
        dst[..(oyLo * w)].Clear();
        dst[(oyHi * w)..].Clear();
        int start = oyLo * w, end = oyHi * w;                  // dst block [start, end)
        int delta = (fy - p) * w + (fx - p);
        int lo = Math.Max(start, -delta), hi = Math.Min(end, plane.Length - delta);
        plane.Slice(lo + delta, hi - lo).CopyTo(dst[lo..hi]);
        ClearWrappedColumns(dst, w, oyLo, oyHi, oxLo, oxHi);
    }

    /// <summary>
    /// Zeroes columns [0, oxLo) and [oxHi, w) of rows [oyLo, oyHi) of a w-wide block: the entries a same-width block copy
    /// took from the neighbouring image row. Usually one element per row, so plain stores rather than a Clear call each.
    /// </summary>
    private static void ClearWrappedColumns<T>(Span<T> block, int w, int oyLo, int oyHi, int oxLo, int oxHi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (oxLo == 0 && oxHi == w) return;
        for (int oy = oyLo; oy < oyHi; oy++)
        {
            var r = block.Slice(oy * w, w);
            for (int i = 0; i < oxLo; i++) r[i] = T.Zero;
            for (int i = oxHi; i < w; i++) r[i] = T.Zero;
        }
    }

    /// <summary>The adjoint of <see cref="SameWidthBlock{T}"/>: zero the wrapped (padding) entries, then one block add.</summary>
    private static void SameWidthBlockAdd<T>(Span<T> src, Span<T> plane, int fy, int fx, in ConvGeometry g, int oxLo, int oxHi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = g.W, p = g.Pad, oh = g.OH;
        int oyLo = Math.Max(0, p - fy), oyHi = Math.Min(oh, g.H + p - fy);
        if (oyLo >= oyHi) return;
        ClearWrappedColumns(src, w, oyLo, oyHi, oxLo, oxHi);
        int start = oyLo * w, end = oyHi * w;
        int delta = (fy - p) * w + (fx - p);
        int lo = Math.Max(start, -delta), hi = Math.Min(end, plane.Length - delta);
        AddRun(plane.Slice(lo + delta, hi - lo), src[lo..hi]);
    }

    /// <summary>
    /// dst += src for the short runs (one output row, often 7–28 elements) col2im adds: a plain Vector&lt;T&gt; loop plus a
    /// scalar tail, cheaper here than TensorPrimitives' per-call dispatch.
    /// </summary>
    private static void AddRun<T>(Span<T> dst, ReadOnlySpan<T> src) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0, n = dst.Length;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            ref T d = ref MemoryMarshal.GetReference(dst);
            ref T a = ref MemoryMarshal.GetReference(src);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
                (Vector.LoadUnsafe(ref d, (nuint)i) + Vector.LoadUnsafe(ref a, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
        }
        for (; i < n; i++) dst[i] += src[i];
    }

    /// <summary>Output columns [lo, hi) whose input column <c>ox·S − P + fx</c> lies inside [0, W).</summary>
    private static void ValidRange(int fx, int s, int p, int w, int ow, out int lo, out int hi)
    {
        // ox·s − p + fx ≥ 0  ⇔  ox ≥ ceil((p − fx)/s);   ox·s − p + fx ≤ w − 1  ⇔  ox ≤ floor((w − 1 + p − fx)/s)
        lo = p - fx <= 0 ? 0 : (p - fx + s - 1) / s;
        int last = w - 1 + p - fx;
        hi = last < 0 ? 0 : Math.Min(ow, last / s + 1);
        if (lo > hi) lo = hi;
    }
}
