namespace Course.Engine;

/// <summary>
/// Deterministic random numbers: xoshiro256** seeded through SplitMix64, identical on every platform and runtime.
/// </summary>
/// <remarks>
/// Nothing in the course uses <see cref="System.Random"/> or global state. Tests hand separate forks to init, shuffling
/// and dropout (<see cref="Fork"/>) so one extra draw in one place cannot shift the others.
/// </remarks>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x); _s1 = SplitMix64(ref x); _s2 = SplitMix64(ref x); _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent child stream named <paramref name="stream"/> (e.g. "init", "shuffle", "dropout").
    /// Depends on this generator's seed state and the name only; does not advance this generator.</summary>
    public Rng Fork(string stream)
    {
        // FNV-1a of the name, mixed with the current state.
        ulong h = 14695981039346656037UL;
        foreach (char ch in stream) { h ^= ch; h *= 1099511628211UL; }
        return new Rng(h ^ _s0 ^ RotateLeft(_s1, 17) ^ RotateLeft(_s2, 31) ^ RotateLeft(_s3, 47));
    }

    /// <summary>Next raw 64-bit value.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [lo, hi).</summary>
    public double NextDouble(double lo, double hi) => lo + (hi - lo) * NextDouble();

    /// <summary>Standard normal N(0, 1) by Box–Muller (two uniforms per value, no cached spare, so streams stay simple).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), $"NextInt: n must be positive, got {n}.");
        ulong range = (ulong)n;
        UInt128 m = (UInt128)NextUInt64() * range;
        ulong low = (ulong)m;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                m = (UInt128)NextUInt64() * range;
                low = (ulong)m;
            }
        }
        return (int)(m >> 64);
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Shuffle(p);
        return p;
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<TItem>(Span<TItem> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>N(0, std²) samples, float64.</summary>
    public Tensor<double> Normal(double std, params int[] shape) => Normal(0.0, std, shape);

    /// <summary>N(mean, std²) samples, float64.</summary>
    public Tensor<double> Normal(double mean, double std, params int[] shape)
    {
        var t = Tensor<double>.Zeros(shape);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++) s[i] = mean + std * NextGaussian();
        return t;
    }

    /// <summary>Uniform samples in [lo, hi), float64.</summary>
    public Tensor<double> Uniform(double lo, double hi, params int[] shape)
    {
        var t = Tensor<double>.Zeros(shape);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++) s[i] = NextDouble(lo, hi);
        return t;
    }

    /// <summary>1 with probability <paramref name="p"/>, else 0, float64.</summary>
    public Tensor<double> Bernoulli(double p, params int[] shape)
    {
        var t = Tensor<double>.Zeros(shape);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++) s[i] = NextDouble() < p ? 1.0 : 0.0;
        return t;
    }

    /// <summary>Fills a span of any element type with N(0, std²) samples (used by generic layers' initialisers).</summary>
    public void FillNormal<T>(Span<T> destination, double std) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = T.CreateChecked(std * NextGaussian());
    }

    /// <summary>Fills a span of any element type with uniform samples in [lo, hi).</summary>
    public void FillUniform<T>(Span<T> destination, double lo, double hi) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = T.CreateChecked(NextDouble(lo, hi));
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
