namespace Course.Engine.Kernels;

/// <summary>
/// Sizes of one 2-D convolution: input <c>(N, C, H, W)</c>, filters <c>FH×FW</c>, stride, zero padding on every side.
/// Output size <c>OH = (H + 2·pad − FH)/stride + 1</c> (frameworks floor; so does the engine).
/// </summary>
internal readonly record struct ConvGeometry(int N, int C, int H, int W, int FH, int FW, int Stride, int Pad)
{
    // Computed once: hot loops read these in their conditions.
    public int OH { get; } = (H + 2 * Pad - FH) / Stride + 1;
    public int OW { get; } = (W + 2 * Pad - FW) / Stride + 1;

    /// <summary>Rows of the column matrix: one per (channel, filter row, filter column).</summary>
    public int K { get; } = C * FH * FW;

    /// <summary>Columns of the column matrix: one per (image, output row, output column).</summary>
    public int NP { get; } = N * ((H + 2 * Pad - FH) / Stride + 1) * ((W + 2 * Pad - FW) / Stride + 1);
}
