using System.Numerics;
using System.Runtime.Intrinsics;

namespace Course.Engine.Kernels;

/// <summary>
/// General matrix multiply C = op(A)·op(B), row-major, C overwritten. A is [m, k] ([k, m] with <see cref="Transpose.A"/>),
/// B is [k, n] ([n, k] with <see cref="Transpose.B"/>), C is [m, n].
/// <para>
/// Small products run unpacked (<see cref="GemmDirect"/>) so a batch-1 layer costs almost nothing; larger ones run the
/// cache-blocked, packed driver (<see cref="GemmBlocked"/>) with a Vector512 12×32 micro-kernel on AVX-512 machines and
/// a Vector256 6×16 one elsewhere, split over the cores in column (or row) strips once there is enough work to pay for
/// waking a second thread. A·Bᵀ with a small C and a long k (a convolution's weight gradient) runs as blocked dot
/// products of contiguous rows (<see cref="GemmLongDot"/>), with no packing at all.
/// </para>
/// </summary>
internal static class Gemm
{
    /// <summary>Products with fewer multiply-adds than this (or very few rows) run on the direct loops.</summary>
    internal const long DirectThreshold = 24L * 24 * 24;

    /// <summary>Products with fewer multiply-adds than this stay on the calling thread (~30 µs of work on one core).</summary>
    internal const long ParallelThreshold = 96L * 96 * 96;

    /// <summary>Which implementation runs; tests force each one so every path is checked on any machine.</summary>
    internal enum Path { Auto, Direct, Vector512Blocked, Vector256Blocked, LongDot }

    /// <summary>C = op(A)·op(B) on every core the product is large enough for.</summary>
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k, Transpose transpose = Transpose.None)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Multiply(a, b, c, m, n, k, transpose, Path.Auto, Environment.ProcessorCount);

    /// <summary>C = op(A)·op(B) on at most <paramref name="maxThreads"/> threads, by <paramref name="path"/> (tests force each one).</summary>
    internal static unsafe void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k,
        Transpose transpose, Path path, int maxThreads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool transA = (transpose & Transpose.A) != 0, transB = (transpose & Transpose.B) != 0;
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentException($"Gemm: negative size m={m}, n={n}, k={k}.");
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ArgumentException(
                $"Gemm: buffers too small for m={m}, n={n}, k={k}: A has {a.Length} (needs {(long)m * k}), " +
                $"B has {b.Length} (needs {(long)k * n}), C has {c.Length} (needs {(long)m * n}).");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            c[..(m * n)].Clear();
            return;
        }

        long work = (long)m * n * k;
        if (path == Path.Auto)
        {
            // Dot products win when C has very few columns and B's rows are contiguous (a convolution's weight
            // gradient, 16 × 9 over 50,000 positions): the blocked path would pad 9 columns to a 32-wide sliver.
            if (work < DirectThreshold || m < 4 || (transB && n < 12) || !Vector256.IsHardwareAccelerated)
                path = Path.Direct;
            else if (transB && !transA && GemmLongDot.Suits(m, n, k))
                path = Path.LongDot;
            else
                path = Vector512.IsHardwareAccelerated ? Path.Vector512Blocked : Path.Vector256Blocked;
        }
        if (path == Path.Direct)
        {
            GemmDirect.Multiply(a, b, c, m, n, k, transA, transB);
            return;
        }

        int threads = work < ParallelThreshold ? 1 : Math.Max(1, maxThreads);
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (path == Path.LongDot)
            {
                if (transA || !transB) throw new ArgumentException("Gemm: the long-dot path multiplies A·Bᵀ only (transB, not transA).");
                GemmLongDot.Multiply(pa, pb, pc, m, n, k, threads);
                return;
            }
            var problem = new GemmProblem<T>((nint)pa, (nint)pb, (nint)pc, m, n, k, transA, transB);
            if (path == Path.Vector512Blocked)
                GemmParallel.Run<T, Avx512Kernel<T>>(problem, threads);
            else
                GemmParallel.Run<T, Avx2Kernel<T>>(problem, threads);
        }
    }
}
