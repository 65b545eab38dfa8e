using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Engine.Kernels;

/// <summary>
/// General matrix multiply C = op(A)·op(B), row-major. Placeholder row-axpy version; replaced by the cache-blocked,
/// Vector512/Vector256, multi-threaded kernel.
/// </summary>
internal static class Gemm
{
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k, bool transA, bool transB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[]? bt = null;
        if (transB)
        {
            bt = new T[k * n];
            Transpose.Copy(b, bt, n, k);
            b = bt;
        }
        c.Clear();
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                T aip = transA ? a[p * m + i] : a[i * k + p];
                if (aip == T.Zero) continue;
                TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), aip, row, row);
            }
        }
    }
}
