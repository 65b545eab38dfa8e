namespace Course.Engine.Kernels;

/// <summary>Blocked matrix transpose: [m, n] → [n, m], in tiles so both sides stay in cache.</summary>
internal static class MatrixTranspose
{
    private const int Tile = 32;

    public static void Copy<T>(ReadOnlySpan<T> src, Span<T> dst, int m, int n)
    {
        for (int i0 = 0; i0 < m; i0 += Tile)
            for (int j0 = 0; j0 < n; j0 += Tile)
            {
                int iEnd = Math.Min(i0 + Tile, m), jEnd = Math.Min(j0 + Tile, n);
                for (int i = i0; i < iEnd; i++)
                    for (int j = j0; j < jEnd; j++)
                        dst[j * m + i] = src[i * n + j];
            }
    }
}
