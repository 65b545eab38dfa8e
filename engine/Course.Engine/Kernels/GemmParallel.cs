using System.Numerics;

using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Kernels;

/// <summary>One GEMM call's operands as raw addresses (the caller keeps them pinned for the duration).</summary>
internal readonly record struct GemmProblem<T>(nint A, nint B, nint C, int M, int N, int K, bool TransA, bool TransB)
    where T : unmanaged;

/// <summary>
/// Splits a GEMM over the cores: into independent strips of C — column strips (each packs its own part of B) when C
/// is wide enough, row strips otherwise — or, when C is small and the depth k is long (a convolution's weight
/// gradient: 16×9 outputs summed over 50,000 positions), into k ranges whose partial products are added at the end.
/// Runs on the thread pool with the calling thread taking a share; strips never share output, so no locking.
/// </summary>
internal static unsafe class GemmParallel
{
    public static void Run<T, TKernel>(GemmProblem<T> p, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        nint lda = p.TransA ? p.M : p.K, ldb = p.TransB ? p.K : p.N, ldc = p.N;
        T* a = (T*)p.A, b = (T*)p.B, c = (T*)p.C;

        if (threads > 1 && p.K >= 2 * GemmBlocked.KC && p.K >= 4L * Math.Max(p.M, p.N))
        {
            RunSplitK<T, TKernel>(p, threads, lda, ldb);
            return;
        }

        bool byColumns = p.N >= threads * nr && (p.N >= p.M || p.M < threads * mr);
        bool byRows = !byColumns && p.M >= threads * mr;
        if (threads <= 1 || (!byColumns && !byRows))
        {
            GemmBlocked.Run<T, TKernel>(a, lda, p.TransA, b, ldb, p.TransB, c, ldc, p.M, p.N, p.K);
            return;
        }

        int extent = byColumns ? p.N : p.M, unit = byColumns ? nr : mr;
        int units = (extent + unit - 1) / unit;
        // Column strips wider than one B block gain nothing (A is re-packed per block anyway); narrower strips let a
        // core that finishes early take the next one when the other core is shared with another process.
        int strips = byColumns ? Math.Max(threads, (units * unit + GemmBlocked.NC<T>() - 1) / GemmBlocked.NC<T>()) : threads;
        strips = Math.Min(strips, units);
        // Whole kernel tiles per strip, spread as evenly as possible (784 columns → 384 + 400, not 416 + 368).
        CoreTeam.ForRanges(extent, strips, unit, (_, start, size) =>
        {
            T* a = (T*)p.A, b = (T*)p.B, c = (T*)p.C;
            if (byColumns)
            {
                T* bStrip = p.TransB ? b + start * ldb : b + start;
                GemmBlocked.Run<T, TKernel>(a, lda, p.TransA, bStrip, ldb, p.TransB, c + start, ldc, p.M, size, p.K);
            }
            else
            {
                T* aStrip = p.TransA ? a + start : a + start * lda;
                GemmBlocked.Run<T, TKernel>(aStrip, lda, p.TransA, b, ldb, p.TransB, c + start * ldc, ldc, size, p.N, p.K);
            }
        });
    }

    /// <summary>Each thread multiplies one k range; the partial products are summed (<see cref="PartialSums"/>).</summary>
    private static void RunSplitK<T, TKernel>(GemmProblem<T> p, int threads, nint lda, nint ldb)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int chunk = (p.K + threads - 1) / threads;
        int parts = (p.K + chunk - 1) / chunk;
        PartialSums.Run<T>((T*)p.C, p.M * p.N, parts, (s, c) =>
        {
            T* a = (T*)p.A, b = (T*)p.B;
            int k0 = s * chunk, kc = Math.Min(chunk, p.K - k0);
            T* aPart = p.TransA ? a + k0 * lda : a + k0;
            T* bPart = p.TransB ? b + k0 : b + k0 * ldb;
            GemmBlocked.Run<T, TKernel>(aPart, lda, p.TransA, bPart, ldb, p.TransB, c, p.N, p.M, p.N, kc);
        });
    }
}
