namespace Course.Engine.Data;

/// <summary>Eight Gaussians on a circle: the standard mode-collapse demonstration for GANs (Day 8 notebook).</summary>
/// <remarks>
/// Mode k = 0…7 is centred at (r cos 2πk/8, r sin 2πk/8) with r = 2; each sample adds N(0, 0.05²) per coordinate.
/// Streamed from the caller's <see cref="Rng"/>: per row one <c>rng.NextInt(8)</c> for the mode, then two
/// <c>rng.NextGaussian()</c> for x and y.
/// </remarks>
public static class Ring8
{
    /// <summary>Number of modes.</summary>
    public const int Modes = 8;

    /// <summary>Radius of the circle the modes sit on.</summary>
    public const double Radius = 2.0;

    /// <summary>Standard deviation of each mode, per coordinate.</summary>
    public const double Std = 0.05;

    /// <summary>The centre of mode <paramref name="k"/> (0…7).</summary>
    public static (double X, double Y) Centre(int k)
    {
        if ((uint)k >= Modes) throw new ArgumentOutOfRangeException(nameof(k), $"Ring8.Centre: mode must be in 0..7, got {k}.");
        double angle = 2 * Math.PI * k / Modes;
        return (Radius * Math.Cos(angle), Radius * Math.Sin(angle));
    }

    /// <summary><paramref name="n"/> samples: (n, 2).</summary>
    public static Tensor<double> Sample(int n, Rng rng)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Ring8.Sample: n must be ≥ 1, got {n}.");
        ArgumentNullException.ThrowIfNull(rng);
        var t = Tensor<double>.Zeros(n, 2);
        var s = t.Span;
        for (int i = 0; i < n; i++)
        {
            var (cx, cy) = Centre(rng.NextInt(Modes));
            s[2 * i] = cx + Std * rng.NextGaussian();
            s[2 * i + 1] = cy + Std * rng.NextGaussian();
        }
        return t;
    }

    /// <summary>The mode whose centre is nearest to (x, y): how a notebook counts which modes a generator covers.</summary>
    public static int NearestMode(double x, double y)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int k = 0; k < Modes; k++)
        {
            var (cx, cy) = Centre(k);
            double d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            if (d < bestDistance) (best, bestDistance) = (k, d);
        }
        return best;
    }
}
