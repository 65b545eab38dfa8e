using System.Numerics.Tensors;

namespace Course.Engine.Kernels;

/// <summary>Row-vector operations on a row-major <c>[rows, cols]</c> matrix: bias add (forward) and its adjoint, the column sum (backward).</summary>
internal static class RowVector
{
    /// <summary><c>m[r, :] += v</c> for every row.</summary>
    public static void AddToRows<T>(Span<T> m, int rows, int cols, ReadOnlySpan<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var row = m.Slice(r * cols, cols);
            TensorPrimitives.Add(row, v, row);
        }
    }

    /// <summary><c>dst = Σ_r m[r, :]</c> (overwrites dst).</summary>
    public static void SumRows<T>(ReadOnlySpan<T> m, int rows, int cols, Span<T> dst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dst.Clear();
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(dst, m.Slice(r * cols, cols), dst);
    }

    /// <summary>A new (cols) tensor holding the column sums of a [rows, cols] matrix.</summary>
    public static Tensor<T> ColumnSums<T>(ReadOnlySpan<T> m, int rows, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = Tensor<T>.Zeros(cols);
        SumRows(m, rows, cols, result.Span);
        return result;
    }
}
