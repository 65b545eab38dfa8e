using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Course.Engine.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous sliver layouts the micro-kernels stream through, zero-padding
/// the ragged last sliver so the kernels never need tail code. Transposition is absorbed here: after packing, all four
/// transA/transB combinations run the same kernel.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs op(A)[0..mc, 0..kc] into slivers of <paramref name="mr"/> rows, each stored column by column
    /// (dst[s·kc·mr + p·mr + r] = op(A)[s·mr + r, p]). <paramref name="a"/> points at op(A)[0, 0];
    /// op(A)[i, p] = trans ? a[p·lda + i] : a[i·lda + p].
    /// </summary>
    public static void PackA<T>(T* a, nint lda, bool trans, int mc, int kc, int mr, T* dst) where T : unmanaged
    {
        for (int s = 0; s < mc; s += mr)
        {
            int rows = Math.Min(mr, mc - s);
            if (trans)
            {
                // Column p of the sliver is contiguous in memory: a plain copy per p.
                T* src = a + s;
                nint bytes = rows * sizeof(T);
                for (int p = 0; p < kc; p++)
                {
                    Unsafe.CopyBlockUnaligned(dst + p * mr, src + p * lda, (uint)bytes);
                    for (int r = rows; r < mr; r++) dst[p * mr + r] = default;
                }
            }
            else
            {
                // Rows are contiguous: read each row once, write with stride mr (the sliver stays in L1).
                int r = 0;
                if (typeof(T) == typeof(float) && Avx.IsSupported)
                    for (; r + 8 <= rows; r += 8)
                        TransposeEightRows((float*)(a + (s + r) * lda), lda, kc, (float*)(dst + r), mr);
                for (; r + 4 <= rows; r += 4)
                {
                    T* s0 = a + (s + r) * lda, s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda;
                    int p = 0;
                    if (typeof(T) == typeof(float) && Sse.IsSupported)
                        for (; p + 4 <= kc; p += 4)
                            Transpose4x4((float*)(s0 + p), lda, (float*)(dst + p * mr + r), mr);
                    T* d = dst + p * mr + r;
                    for (; p < kc; p++, d += mr)
                    {
                        d[0] = s0[p];
                        d[1] = s1[p];
                        d[2] = s2[p];
                        d[3] = s3[p];
                    }
                }
                for (; r < rows; r++)
                {
                    T* src = a + (s + r) * lda;
                    for (int p = 0; p < kc; p++) dst[p * mr + r] = src[p];
                }
                for (; r < mr; r++)
                    for (int p = 0; p < kc; p++) dst[p * mr + r] = default;
            }
            dst += kc * mr;
        }
    }

    /// <summary>
    /// Packs op(B)[0..kc, 0..nc] into slivers of <paramref name="nr"/> columns, each stored row by row
    /// (dst[t·kc·nr + p·nr + j] = op(B)[p, t·nr + j]). <paramref name="b"/> points at op(B)[0, 0];
    /// op(B)[p, j] = trans ? b[j·ldb + p] : b[p·ldb + j].
    /// </summary>
    public static void PackB<T>(T* b, nint ldb, bool trans, int kc, int nc, int nr, T* dst) where T : unmanaged
    {
        for (int t = 0; t < nc; t += nr)
        {
            int cols = Math.Min(nr, nc - t);
            if (!trans && cols == nr && nr == 2 * Vector512<T>.Count && Vector512.IsHardwareAccelerated)
            {
                // A full sliver of the AVX-512 kernel: two vector copies per row instead of a memmove call per 128 bytes.
                T* src = b + t;
                nint w = Vector512<T>.Count;
                for (int p = 0; p < kc; p++)
                {
                    T* s = src + p * ldb, d = dst + p * nr;
                    Vector512.Store(Vector512.Load(s), d);
                    Vector512.Store(Vector512.Load(s + w), d + w);
                }
            }
            else if (!trans && cols == nr && nr == 2 * Vector256<T>.Count && Vector256.IsHardwareAccelerated)
            {
                T* src = b + t;
                nint w = Vector256<T>.Count;
                for (int p = 0; p < kc; p++)
                {
                    T* s = src + p * ldb, d = dst + p * nr;
                    Vector256.Store(Vector256.Load(s), d);
                    Vector256.Store(Vector256.Load(s + w), d + w);
                }
            }
            else if (!trans)
            {
                T* src = b + t;
                uint bytes = (uint)(cols * sizeof(T));
                for (int p = 0; p < kc; p++)
                {
                    Unsafe.CopyBlockUnaligned(dst + p * nr, src + p * ldb, bytes);
                    for (int j = cols; j < nr; j++) dst[p * nr + j] = default;
                }
            }
            else
            {
                int j = 0;
                if (typeof(T) == typeof(float) && Avx.IsSupported)
                    for (; j + 8 <= cols; j += 8)
                        TransposeEightRows((float*)(b + (t + j) * ldb), ldb, kc, (float*)(dst + j), nr);
                for (; j + 4 <= cols; j += 4)
                {
                    T* s0 = b + (t + j) * ldb, s1 = s0 + ldb, s2 = s1 + ldb, s3 = s2 + ldb;
                    int p = 0;
                    if (typeof(T) == typeof(float) && Sse.IsSupported)
                        for (; p + 4 <= kc; p += 4)
                            Transpose4x4((float*)(s0 + p), ldb, (float*)(dst + p * nr + j), nr);
                    T* d = dst + p * nr + j;
                    for (; p < kc; p++, d += nr)
                    {
                        d[0] = s0[p];
                        d[1] = s1[p];
                        d[2] = s2[p];
                        d[3] = s3[p];
                    }
                }
                for (; j < cols; j++)
                {
                    T* src = b + (t + j) * ldb;
                    for (int p = 0; p < kc; p++) dst[p * nr + j] = src[p];
                }
                for (; j < nr; j++)
                    for (int p = 0; p < kc; p++) dst[p * nr + j] = default;
            }
            dst += kc * nr;
        }
    }

    /// <summary>
    /// dst[p·ldd + q] = src[q·lds + p] for 8 source rows q and p &lt; kc: 8×8 blocks in Vector256 registers (8 loads,
    /// 24 shuffles, 8 stores for 64 floats, against 16 instructions per 16 floats with 4×4 blocks), then a scalar tail.
    /// </summary>
    private static void TransposeEightRows(float* src, nint lds, int kc, float* dst, nint ldd)
    {
        int p = 0;
        for (; p + 8 <= kc; p += 8) Transpose8x8(src + p, lds, dst + p * ldd, ldd);
        for (; p < kc; p++)
            for (int q = 0; q < 8; q++) dst[p * ldd + q] = src[q * lds + p];
    }

    /// <summary>dst[c·ldd + r] = src[r·lds + c] for an 8×8 float block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, nint lds, float* dst, nint ldd)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + lds);
        var r2 = Avx.LoadVector256(src + 2 * lds);
        var r3 = Avx.LoadVector256(src + 3 * lds);
        var r4 = Avx.LoadVector256(src + 4 * lds);
        var r5 = Avx.LoadVector256(src + 5 * lds);
        var r6 = Avx.LoadVector256(src + 6 * lds);
        var r7 = Avx.LoadVector256(src + 7 * lds);
        // Per 128-bit lane: interleave row pairs, then gather four rows' elements; the lanes hold columns c and c + 4.
        var t0 = Avx.UnpackLow(r0, r1);    // a0 b0 a1 b1 | a4 b4 a5 b5
        var t1 = Avx.UnpackHigh(r0, r1);   // a2 b2 a3 b3 | a6 b6 a7 b7
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var s0 = Avx.Shuffle(t0, t2, 0x44);   // a0 b0 c0 d0 | a4 b4 c4 d4
        var s1 = Avx.Shuffle(t0, t2, 0xEE);   // a1 b1 c1 d1 | a5 b5 c5 d5
        var s2 = Avx.Shuffle(t1, t3, 0x44);   // a2 … | a6 …
        var s3 = Avx.Shuffle(t1, t3, 0xEE);   // a3 … | a7 …
        var s4 = Avx.Shuffle(t4, t6, 0x44);   // e0 f0 g0 h0 | e4 f4 g4 h4
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(s0, s4, 0x20));
        Avx.Store(dst + ldd, Avx.Permute2x128(s1, s5, 0x20));
        Avx.Store(dst + 2 * ldd, Avx.Permute2x128(s2, s6, 0x20));
        Avx.Store(dst + 3 * ldd, Avx.Permute2x128(s3, s7, 0x20));
        Avx.Store(dst + 4 * ldd, Avx.Permute2x128(s0, s4, 0x31));
        Avx.Store(dst + 5 * ldd, Avx.Permute2x128(s1, s5, 0x31));
        Avx.Store(dst + 6 * ldd, Avx.Permute2x128(s2, s6, 0x31));
        Avx.Store(dst + 7 * ldd, Avx.Permute2x128(s3, s7, 0x31));
    }

    /// <summary>
    /// dst[c·ldd + r] = src[r·lds + c] for a 4×4 float block: the transposing packs (A as stored, Bᵀ as stored) move
    /// four elements per instruction instead of one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4(float* src, nint lds, float* dst, nint ldd)
    {
        var r0 = Sse.LoadVector128(src);
        var r1 = Sse.LoadVector128(src + lds);
        var r2 = Sse.LoadVector128(src + 2 * lds);
        var r3 = Sse.LoadVector128(src + 3 * lds);
        var t0 = Sse.UnpackLow(r0, r1);   // a0 b0 a1 b1
        var t1 = Sse.UnpackLow(r2, r3);   // c0 d0 c1 d1
        var t2 = Sse.UnpackHigh(r0, r1);  // a2 b2 a3 b3
        var t3 = Sse.UnpackHigh(r2, r3);  // c2 d2 c3 d3
        Sse.Store(dst, Sse.MoveLowToHigh(t0, t1));
        Sse.Store(dst + ldd, Sse.MoveHighToLow(t1, t0));
        Sse.Store(dst + 2 * ldd, Sse.MoveLowToHigh(t2, t3));
        Sse.Store(dst + 3 * ldd, Sse.MoveHighToLow(t3, t2));
    }
}
