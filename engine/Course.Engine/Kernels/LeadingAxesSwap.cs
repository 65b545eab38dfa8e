namespace Course.Engine.Kernels;

/// <summary>
/// Swaps the two leading axes of a contiguous <c>[A, B, inner]</c> block: <c>dst[b, a, :] = src[a, b, :]</c>.
/// Convolutions use it to move between <c>(N, FN, OH·OW)</c> and the GEMM's <c>(FN, N·OH·OW)</c>; recurrent layers
/// use it to move between batch-major <c>(N, T, D)</c> and time-major <c>(T, N, D)</c>.
/// </summary>
internal static class LeadingAxesSwap
{
    public static void Copy<T>(ReadOnlySpan<T> src, Span<T> dst, int a, int b, int inner)
    {
        for (int i = 0; i < a; i++)
        for (int j = 0; j < b; j++)
            src.Slice((i * b + j) * inner, inner).CopyTo(dst.Slice((j * a + i) * inner, inner));
    }
}
