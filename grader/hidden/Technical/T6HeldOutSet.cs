namespace Course.Technical.Tests;

/// <summary>
/// The T6 scoring images: the 360 digits of the test split, each shifted by one pixel in one of the eight directions
/// (zero fill) and given N(0, 0.05²) noise, clipped to [0, 1]. The seed lives only here, in the grader's hidden tests,
/// so no learner can train on these exact images.
/// </summary>
internal static class T6HeldOutSet
{
    private const ulong SecretSeed = 0x7E6C_2026_D10A_55EDUL;
    private const double Noise = 0.05;

    private static readonly (int Dx, int Dy)[] Directions = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)];

    public static Dataset Build()
    {
        var (_, test) = Digits.LoadImages();
        var rng = new Rng(SecretSeed);
        int n = test.Count;
        var x = Tensor.ZerosLike(test.X);
        var src = (ReadOnlySpan<double>)test.X.Span;
        var dst = x.Span;
        for (int i = 0; i < n; i++)
        {
            var (dx, dy) = Directions[rng.NextInt(Directions.Length)];
            int o = i * 64;
            for (int y = 0; y < 8; y++)
                for (int c = 0; c < 8; c++)
                {
                    int sy = y - dy, sx = c - dx;
                    var v = sy is >= 0 and < 8 && sx is >= 0 and < 8 ? src[o + sy * 8 + sx] : 0.0;
                    dst[o + y * 8 + c] = Math.Clamp(v + Noise * rng.NextGaussian(), 0.0, 1.0);
                }
        }
        return new Dataset(x, test.Y);
    }
}
