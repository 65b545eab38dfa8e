namespace Course.Engine.Data;

/// <summary>Course data: a noisy sine wave cut into windows, for exercise 6.6 (lesson §6.6).</summary>
public static class Sequences
{
    /// <summary>
    /// The series sₜ = sin(0.1·t) + εₜ, εₜ ~ N(0, <paramref name="noiseStd"/>²), for t = 0 … count + window − 1 (one
    /// <c>rng.NextGaussian()</c> per t, in order), cut into <paramref name="count"/> windows: X[i] = s[i … i + window − 1],
    /// Y[i] = s[i + window].
    /// </summary>
    /// <returns>X (count, window, 1) and Y (count, 1).</returns>
    public static (Tensor<double> X, Tensor<double> Y) NoisySine(int count, int window, double noiseStd, Rng rng)
    {
        if (count < 1 || window < 1) throw new ArgumentOutOfRangeException(nameof(count), $"Sequences.NoisySine: need count, window ≥ 1, got ({count}, {window}).");
        if (!(noiseStd >= 0)) throw new ArgumentOutOfRangeException(nameof(noiseStd), $"Sequences.NoisySine: noiseStd must be ≥ 0, got {noiseStd}.");
        ArgumentNullException.ThrowIfNull(rng);
        var s = new double[count + window];
        for (int t = 0; t < s.Length; t++) s[t] = Math.Sin(0.1 * t) + noiseStd * rng.NextGaussian();
        var x = Tensor<double>.Zeros(count, window, 1);
        var y = Tensor<double>.Zeros(count, 1);
        var xs = x.Span;
        var ys = y.Span;
        for (int i = 0; i < count; i++)
        {
            s.AsSpan(i, window).CopyTo(xs.Slice(i * window, window));
            ys[i] = s[i + window];
        }
        return (x, y);
    }
}
