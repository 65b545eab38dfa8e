namespace Course.Engine.Data;

/// <summary>The 1-D GAN target N(4, 1.25²) and its noise source N(0, 1), streamed from the caller's <see cref="Rng"/> (exercise 8.6).</summary>
/// <remarks>Both return column tensors (n, 1), one <c>rng.NextGaussian()</c> per row in row order, so a batch of 64 draws 64 values.</remarks>
public static class Gaussian1D
{
    /// <summary>Mean of the target distribution.</summary>
    public const double Mean = 4.0;

    /// <summary>Standard deviation of the target distribution.</summary>
    public const double Std = 1.25;

    /// <summary><paramref name="n"/> real samples Mean + Std·ε, ε ~ N(0, 1): (n, 1).</summary>
    public static Tensor<double> Sample(int n, Rng rng) => Draw(n, Mean, Std, rng, nameof(Sample));

    /// <summary><paramref name="n"/> generator inputs z ~ N(0, 1): (n, 1).</summary>
    public static Tensor<double> Noise(int n, Rng rng) => Draw(n, 0.0, 1.0, rng, nameof(Noise));

    private static Tensor<double> Draw(int n, double mean, double std, Rng rng, string what)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Gaussian1D.{what}: n must be ≥ 1, got {n}.");
        ArgumentNullException.ThrowIfNull(rng);
        var t = Tensor<double>.Zeros(n, 1);
        var s = t.Span;
        for (int i = 0; i < n; i++) s[i] = mean + std * rng.NextGaussian();
        return t;
    }
}
