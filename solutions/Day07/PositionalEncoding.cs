namespace Course.Day07;

/// <summary>Exercise 7.1 — sinusoidal positional encoding (lesson §7.1).</summary>
public static class PositionalEncoding
{
    /// <summary>PE[t, 2i] = sin(t / 10000^{2i/d}), PE[t, 2i+1] = cos(t / 10000^{2i/d}); shape (length, dModel).</summary>
    /// <exception cref="ArgumentException">dModel is odd or not positive, or length &lt; 1.</exception>
    public static Tensor Sinusoidal(int length, int dModel)
    {
        if (length < 1 || dModel < 2 || dModel % 2 != 0)
            throw new ArgumentException($"PositionalEncoding: need length ≥ 1 and an even dModel ≥ 2, got ({length}, {dModel}).");
        var pe = Tensor.Zeros(length, dModel);
        var s = pe.Span;
        for (int t = 0; t < length; t++)
            for (int i = 0; i < dModel / 2; i++)
            {
                // one frequency per sin/cos pair: the pair rotates with t, which is why PE[t+k]·PE[t] depends on k only
                double angle = t / Math.Pow(10000.0, 2.0 * i / dModel);
                s[t * dModel + 2 * i] = Math.Sin(angle);
                s[t * dModel + 2 * i + 1] = Math.Cos(angle);
            }
        return pe;
    }
}
