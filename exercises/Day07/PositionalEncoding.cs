namespace Course.Day07;

/// <summary>Exercise 7.1 — sinusoidal positional encoding (lesson §7.1).</summary>
public static class PositionalEncoding
{
    /// <summary>PE[t, 2i] = sin(t / 10000^{2i/d}), PE[t, 2i+1] = cos(t / 10000^{2i/d}); shape (length, dModel).</summary>
    /// <exception cref="ArgumentException">dModel is odd or not positive, or length &lt; 1.</exception>
    public static Tensor Sinusoidal(int length, int dModel) =>
        throw new NotImplementedException(
            "PositionalEncoding.Sinusoidal: 偶数列と奇数列の組ごとに一つの周波数を使い、sin と cos を並べます。dModel が奇数なら例外（lesson §7.1）。");
}
