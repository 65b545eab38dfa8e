using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Kernels;

/// <summary>
/// Gathers rows (along axis 0) of one tensor into consecutive rows of another: a mini-batch of random dataset rows.
/// Large gathers (each row a trip to main memory) are split between the cores.
/// </summary>
internal static class RowGather
{
    /// <summary>Row <c>rows[i]</c> of <paramref name="source"/> into row i of <paramref name="destination"/>; rows of <paramref name="inner"/> elements, already checked.</summary>
    public static void Copy<T>(Tensor<T> source, ReadOnlySpan<int> rows, Tensor<T> destination, int inner)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((long)rows.Length * inner < ElementwiseSplit.MinParallelLength || Environment.ProcessorCount == 1)
        {
            CopyRows(source, rows, destination, inner);
            return;
        }
        int[] rowArray = rows.ToArray();
        CoreTeam.ForRanges(rowArray.Length, Environment.ProcessorCount, granule: 1, (_, first, count) =>
            CopyRows(source, rowArray.AsSpan(first, count), destination.Slice(0, first, count), inner));
    }

    private static void CopyRows<T>(Tensor<T> source, ReadOnlySpan<int> rows, Tensor<T> destination, int inner)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var src = source.Span;
        var dst = destination.Span;
        for (int i = 0; i < rows.Length; i++)
            src.Slice(rows[i] * inner, inner).CopyTo(dst.Slice(i * inner, inner));
    }
}
