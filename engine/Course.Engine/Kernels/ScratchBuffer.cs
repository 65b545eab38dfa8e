namespace Course.Engine.Kernels;

/// <summary>
/// Per-layer work arrays reused from call to call. Layers with megabyte-sized intermediates (im2col matrices, all
/// time steps' gates) would otherwise allocate them on the large-object heap at every step and pay for gen-2 collections.
/// </summary>
internal static class ScratchBuffer
{
    /// <summary>Returns <paramref name="buffer"/> if it has exactly <paramref name="length"/> elements, else a new array stored into it.</summary>
    /// <remarks>Contents are NOT cleared; callers overwrite every element (GEMM outputs, im2col, copies).</remarks>
    public static T[] Exact<T>(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length != length) buffer = new T[length];
        return buffer;
    }
}
