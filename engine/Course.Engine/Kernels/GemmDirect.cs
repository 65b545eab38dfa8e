using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Engine.Kernels;

/// <summary>
/// Unpacked GEMM for small or skinny products (a batch-1 layer, a 16-wide hidden state): no packing, no threads, just
/// vectorised dot products (transB) or row updates (C row i += A[i, p] · B row p). For these sizes the blocked path's
/// fixed costs — packing, padding to a 12-row tile — outweigh its arithmetic advantage.
/// </summary>
internal static class GemmDirect
{
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k, bool transA, bool transB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (transB)
        {
            // C[i, j] = A row i · B row j: both rows contiguous unless A is transposed, then gather that row once.
            Span<T> gathered = transA ? (k <= 256 ? stackalloc T[k] : new T[k]) : default;
            for (int i = 0; i < m; i++)
            {
                scoped ReadOnlySpan<T> row;
                if (transA)
                {
                    for (int p = 0; p < k; p++) gathered[p] = a[p * m + i];
                    row = gathered;
                }
                else
                {
                    row = a.Slice(i * k, k);
                }
                var cRow = c.Slice(i * n, n);
                for (int j = 0; j < n; j++)
                    cRow[j] = TensorPrimitives.Dot(row, b.Slice(j * k, k));
            }
            return;
        }

        // C row i = Σ_p A[i, p] · B row p (B rows contiguous).
        for (int i = 0; i < m; i++)
        {
            var cRow = c.Slice(i * n, n);
            cRow.Clear();
            for (int p = 0; p < k; p++)
            {
                T aip = transA ? a[p * m + i] : a[i * k + p];
                if (aip == T.Zero) continue;
                TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), aip, cRow, cRow);
            }
        }
    }
}
