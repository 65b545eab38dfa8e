namespace Course.Engine.Data;

/// <summary>Course data: a noisy sine wave (exercise 6.6), the Mackey–Glass series (7.2) and digit-string reversal (7.6).</summary>
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

    /// <summary>Reversal token ids: padding, start of sequence, end of sequence; digit d is id d + <see cref="ReversalDigit0"/>.</summary>
    public const int ReversalPad = 0, ReversalSos = 1, ReversalEos = 2, ReversalDigit0 = 3, ReversalVocab = 13;

    /// <summary>
    /// The Mackey–Glass delay differential equation dx/dt = β·x(t−τ)/(1 + x(t−τ)ⁿ) − γ·x(t) with β = 0.2, γ = 0.1, n = 10,
    /// integrated by Euler with step 0.1 from x(t) = <paramref name="x0"/> for t ≤ 0, sampled every 1.0: element k is x(k).
    /// Deterministic (no randomness). τ = 17 gives the classic mildly chaotic series between about 0.2 and 1.4.
    /// </summary>
    public static double[] MackeyGlass(int count, double tau = 17, double x0 = 1.2)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), $"Sequences.MackeyGlass: count must be ≥ 1, got {count}.");
        if (!(tau > 0)) throw new ArgumentOutOfRangeException(nameof(tau), $"Sequences.MackeyGlass: tau must be > 0, got {tau}.");
        const double dt = 0.1, beta = 0.2, gamma = 0.1, power = 10;
        const int stride = 10;
        int delay = (int)Math.Round(tau / dt);
        int steps = (count - 1) * stride;
        var x = new double[steps + 1];
        x[0] = x0;
        for (int i = 0; i < steps; i++)
        {
            double lagged = i - delay >= 0 ? x[i - delay] : x0;
            x[i + 1] = x[i] + dt * (beta * lagged / (1 + Math.Pow(lagged, power)) - gamma * x[i]);
        }
        var s = new double[count];
        for (int k = 0; k < count; k++) s[k] = x[k * stride];
        return s;
    }

    /// <summary>
    /// <paramref name="count"/> random digit strings of length <paramref name="minLength"/> … <paramref name="maxLength"/>
    /// (per pair: <c>rng.NextInt(maxLength − minLength + 1)</c> for the length, then one <c>rng.NextInt(10)</c> per digit)
    /// and their reversals, as token ids (<see cref="ReversalDigit0"/> + digit).
    /// Source (count, maxLength): the digits, then <see cref="ReversalPad"/>. Target (count, maxLength + 1): the reversed
    /// digits, <see cref="ReversalEos"/>, then padding.
    /// </summary>
    public static (int[,] Source, int[,] Target) Reversal(int count, int minLength, int maxLength, Rng rng)
    {
        if (count < 1 || minLength < 1 || maxLength < minLength)
            throw new ArgumentOutOfRangeException(nameof(count), $"Sequences.Reversal: need count ≥ 1 and 1 ≤ minLength ≤ maxLength, got ({count}, {minLength}, {maxLength}).");
        ArgumentNullException.ThrowIfNull(rng);
        var source = new int[count, maxLength];
        var target = new int[count, maxLength + 1];
        for (int i = 0; i < count; i++)
        {
            int len = minLength + rng.NextInt(maxLength - minLength + 1);
            for (int t = 0; t < len; t++) source[i, t] = ReversalDigit0 + rng.NextInt(10);
            for (int t = 0; t < len; t++) target[i, t] = source[i, len - 1 - t];
            target[i, len] = ReversalEos;
        }
        return (source, target);
    }
}
