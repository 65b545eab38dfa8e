using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Kernels;

/// <summary>
/// C[m, n] = A[m, k] · B[n, k]ᵀ when the shared dimension k is long and C is small — a convolution's weight gradient:
/// (C·FH·FW) × FN entries, each summed over every output position of the batch (9 × 16 over 50,176 positions in the
/// small CNN's first layer). Every C entry is the dot product of two contiguous rows, so nothing is packed: the blocked
/// path would transpose both operands and pad a 9 × 16 result to a 12 × 32 tile. Tiles of 2 A rows × 6 B rows keep 12
/// vector partial sums in registers (15 of AVX2's 16) over a k chunk that stays in L2; the threads take separate k
/// ranges and their partial C's are added at the end.
/// </summary>
internal static unsafe class GemmLongDot
{
    /// <summary>Elements of k per chunk: 8 KB of each float row, so the chunk of every B row stays in L2 while A tiles stream.</summary>
    private const int Chunk = 2048;

    /// <summary>
    /// Whether this path suits (m, n, k): a C of at most 1,024 entries and k ≥ 256 and at least 8 × max(m, n). Larger
    /// C's fill the blocked kernel's tiles well enough that its register blocking wins (144 × 32 over 12,544: 0.74 ms
    /// blocked, 1.1 ms here; 9 × 16 over 50,176: 0.74 ms blocked, 0.24 ms here).
    /// </summary>
    public static bool Suits(int m, int n, int k) => (long)m * n <= 1024 && k >= 256 && k >= 8L * Math.Max(m, n);

    /// <summary>C (overwritten) = A·Bᵀ with A [m, k] and B [n, k] row-major, over up to <paramref name="threads"/> threads.</summary>
    public static void Multiply<T>(T* a, T* b, T* c, int m, int n, int k, int threads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int parts = Math.Max(1, Math.Min(threads, k / Chunk));
        int per = (k + parts - 1) / parts;
        nint pa = (nint)a, pb = (nint)b;
        PartialSums.Run<T>(c, m * n, parts, (s, destination) =>
        {
            int k0 = s * per;
            Range((T*)pa, (T*)pb, destination, m, n, k, k0, Math.Min(k, k0 + per));
        });
    }

    /// <summary>C (overwritten) = the part of A·Bᵀ summed over k in [k0, k1).</summary>
    private static void Range<T>(T* a, T* b, T* c, int m, int n, int k, int k0, int k1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        new Span<T>(c, m * n).Clear();
        for (int p0 = k0; p0 < k1; p0 += Chunk)
        {
            int length = Math.Min(Chunk, k1 - p0);
            int i = 0;
            for (; i + 2 <= m; i += 2)
            {
                int j = 0;
                for (; j + 6 <= n; j += 6) Tile2x6(a + i * (nint)k + p0, b + j * (nint)k + p0, k, length, c + i * n + j, n);
                for (; j < n; j++)
                {
                    c[i * n + j] += Dot(a + i * (nint)k + p0, b + j * (nint)k + p0, length);
                    c[(i + 1) * n + j] += Dot(a + (i + 1) * (nint)k + p0, b + j * (nint)k + p0, length);
                }
            }
            for (; i < m; i++)
                for (int j = 0; j < n; j++)
                    c[i * n + j] += Dot(a + i * (nint)k + p0, b + j * (nint)k + p0, length);
        }
    }

    private static T Dot<T>(T* x, T* y, int length) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Dot(new ReadOnlySpan<T>(x, length), new ReadOnlySpan<T>(y, length));

    /// <summary>C[r, q] += Σ_p a_r[p] · b_q[p] for 2 A rows and 6 B rows (row stride <paramref name="ld"/>), p &lt; length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile2x6<T>(T* a, T* b, nint ld, int length, T* c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        T* a1 = a + ld;
        T* b1 = b + ld, b2 = b1 + ld, b3 = b2 + ld, b4 = b3 + ld, b5 = b4 + ld;
        Vector256<T> s00 = default, s01 = default, s02 = default, s03 = default, s04 = default, s05 = default;
        Vector256<T> s10 = default, s11 = default, s12 = default, s13 = default, s14 = default, s15 = default;
        int p = 0;
        for (; p + w <= length; p += w)
        {
            var x0 = Vector256.Load(a + p);
            var x1 = Vector256.Load(a1 + p);
            var y = Vector256.Load(b + p);
            s00 = VectorFma.Fma(x0, y, s00); s10 = VectorFma.Fma(x1, y, s10);
            y = Vector256.Load(b1 + p);
            s01 = VectorFma.Fma(x0, y, s01); s11 = VectorFma.Fma(x1, y, s11);
            y = Vector256.Load(b2 + p);
            s02 = VectorFma.Fma(x0, y, s02); s12 = VectorFma.Fma(x1, y, s12);
            y = Vector256.Load(b3 + p);
            s03 = VectorFma.Fma(x0, y, s03); s13 = VectorFma.Fma(x1, y, s13);
            y = Vector256.Load(b4 + p);
            s04 = VectorFma.Fma(x0, y, s04); s14 = VectorFma.Fma(x1, y, s14);
            y = Vector256.Load(b5 + p);
            s05 = VectorFma.Fma(x0, y, s05); s15 = VectorFma.Fma(x1, y, s15);
        }
        T* c1 = c + ldc;
        c[0] += Vector256.Sum(s00) + TailDot(a, b, p, length); c1[0] += Vector256.Sum(s10) + TailDot(a1, b, p, length);
        c[1] += Vector256.Sum(s01) + TailDot(a, b1, p, length); c1[1] += Vector256.Sum(s11) + TailDot(a1, b1, p, length);
        c[2] += Vector256.Sum(s02) + TailDot(a, b2, p, length); c1[2] += Vector256.Sum(s12) + TailDot(a1, b2, p, length);
        c[3] += Vector256.Sum(s03) + TailDot(a, b3, p, length); c1[3] += Vector256.Sum(s13) + TailDot(a1, b3, p, length);
        c[4] += Vector256.Sum(s04) + TailDot(a, b4, p, length); c1[4] += Vector256.Sum(s14) + TailDot(a1, b4, p, length);
        c[5] += Vector256.Sum(s05) + TailDot(a, b5, p, length); c1[5] += Vector256.Sum(s15) + TailDot(a1, b5, p, length);
    }

    /// <summary>The scalar remainder Σ x[p]·y[p] for p in [from, length) (fewer than one vector).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TailDot<T>(T* x, T* y, int from, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int p = from; p < length; p++) sum += x[p] * y[p];
        return sum;
    }
}
