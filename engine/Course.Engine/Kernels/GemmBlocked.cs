using System.Runtime.CompilerServices;

namespace Course.Engine.Kernels;

/// <summary>
/// The cache-blocked GEMM driver (Goto/BLIS loop order) for one sub-problem on one thread:
/// <code>
/// for jc in n step NC          // B block kc × NC lives in L2
///   for pc in k step KC        // pack B[pc.., jc..]
///     for ic in m step MC      // pack A[ic.., pc..]
///       for ir in mc step MR   // A sliver (kc × MR) stays in L1 ...
///         for jr in nc step NR //   ... while B slivers stream from L2
///           micro-kernel
/// </code>
/// </summary>
internal static unsafe class GemmBlocked
{
    /// <summary>Depth of one packed block: a kc × Mr A sliver (12 KB for floats at 256) stays in L1.</summary>
    public const int KC = 256;

    /// <summary>Rows of A packed at a time (a multiple of both kernels' Mr).</summary>
    public const int MC = 96;

    /// <summary>Bytes of one packed B row (NC columns): kc × NC elements = 512 KB, half of a 1 MB L2.</summary>
    private const int NCBytes = 2048;

    /// <summary>Columns of B packed at a time: 512 floats or 256 doubles (a multiple of every kernel's Nr).</summary>
    public static int NC<T>() where T : unmanaged => NCBytes / sizeof(T);

    /// <summary>
    /// C[m, n] (row stride ldc) = op(A)·op(B). <paramref name="a"/> points at op(A)[0, 0] and <paramref name="b"/> at
    /// op(B)[0, 0]; lda/ldb are the row strides of the stored (untransposed) arrays.
    /// </summary>
    public static void Run<T, TKernel>(T* a, nint lda, bool transA, T* b, nint ldb, bool transB, T* c, nint ldc, int m, int n, int k)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        var workspace = GemmWorkspace.Current;
        int ncMax = NC<T>();
        int packA = MC * KC, packB = KC * (ncMax + nr), tile = mr * nr;
        byte* buffer = workspace.Reserve((packA + packB + tile) * sizeof(T) + 128);
        T* ap = (T*)buffer;
        T* bp = (T*)(buffer + (((nint)packA * sizeof(T) + 63) & ~63));
        T* tmp = (T*)((byte*)bp + (((nint)packB * sizeof(T) + 63) & ~63));

        for (int jc = 0; jc < n; jc += ncMax)
        {
            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                bool accumulate = pc > 0;
                T* bSrc = transB ? b + jc * ldb + pc : b + pc * ldb + jc;
                GemmPacking.PackB(bSrc, ldb, transB, kc, nc, nr, bp);
                for (int ic = 0; ic < m; ic += MC)
                {
                    int mc = Math.Min(MC, m - ic);
                    T* aSrc = transA ? a + pc * lda + ic : a + ic * lda + pc;
                    GemmPacking.PackA(aSrc, lda, transA, mc, kc, mr, ap);
                    for (int ir = 0; ir < mc; ir += mr)
                    {
                        int rows = Math.Min(mr, mc - ir);
                        T* aSliver = ap + ir * kc;
                        T* cRow = c + (ic + ir) * ldc + jc;
                        for (int jr = 0; jr < nc; jr += nr)
                        {
                            int cols = Math.Min(nr, nc - jr);
                            T* bSliver = bp + jr * kc;
                            if (rows == mr && cols == nr)
                            {
                                TKernel.Run(aSliver, bSliver, kc, cRow + jr, ldc, accumulate);
                            }
                            else
                            {
                                TKernel.Run(aSliver, bSliver, kc, tmp, nr, accumulate: false);
                                MergeTile(tmp, nr, cRow + jr, ldc, rows, cols, accumulate);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Copies (or adds) the valid rows × cols corner of a full kernel tile into C.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MergeTile<T>(T* tile, int nr, T* c, nint ldc, int rows, int cols, bool accumulate)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var src = new ReadOnlySpan<T>(tile + r * nr, cols);
            var dst = new Span<T>(c + r * ldc, cols);
            if (accumulate) System.Numerics.Tensors.TensorPrimitives.Add(src, dst, dst);
            else src.CopyTo(dst);
        }
    }
}
