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
