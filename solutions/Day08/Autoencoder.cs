using Course.Engine.Layers;

namespace Course.Day08;

/// <summary>Exercise 8.3 — an autoencoder 64 → 32 → bottleneck → 32 → 64 trained to reproduce its input (lesson §8.3).</summary>
/// <remarks>
/// Encoder: Affine(64, 32) → ReLU → Affine(32, bottleneck) (a linear code). Decoder: Affine(bottleneck, 32) → ReLU →
/// Affine(32, 64) → Sigmoid, so reconstructions lie in (0, 1) like the Digits pixels. Weights are drawn from the given
/// rng in that layer order, the first three He, the last Xavier (<c>new Affine&lt;double&gt;(32, 64, rng,
/// WeightInit.Xavier)</c>); biases start at zero. Loss: mean squared error over every pixel,
/// L = Σ (x̂ − x)² / (N·64), so dL/dx̂ = 2(x̂ − x)/(N·64).
/// </remarks>
public sealed class Autoencoder
{
    public const int Pixels = 64, Hidden = 32;

    private readonly Sequential<double> _encoder;
    private readonly Sequential<double> _decoder;
    private readonly Parameter[] _parameters;
    private (Tensor Reconstruction, Tensor Target)? _cache;

    public Autoencoder(Rng rng, int bottleneck = 8)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (bottleneck < 1) throw new ArgumentOutOfRangeException(nameof(bottleneck), $"Autoencoder: bottleneck must be ≥ 1, got {bottleneck}.");
        Bottleneck = bottleneck;
        _encoder = new Sequential<double>(new Affine<double>(Pixels, Hidden, rng), new Relu<double>(), new Affine<double>(Hidden, bottleneck, rng));
        _decoder = new Sequential<double>(new Affine<double>(bottleneck, Hidden, rng), new Relu<double>(),
                                          new Affine<double>(Hidden, Pixels, rng, WeightInit.Xavier), new Sigmoid<double>());
        _parameters = [.. _encoder.Parameters, .. _decoder.Parameters];
    }

    public int Bottleneck { get; }

    /// <summary>Encoder then decoder parameters, in layer order (W, b per Affine).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>x (N, 64) → code (N, bottleneck).</summary>
    public Tensor Encode(Tensor x)
    {
        CheckPixels(x, nameof(Encode));
        return _encoder.Forward(x);
    }

    /// <summary>z (N, bottleneck) → reconstruction (N, 64) in (0, 1).</summary>
    public Tensor Decode(Tensor z)
    {
        if (z.Rank != 2 || z.Dim(1) != Bottleneck)
            throw new ArgumentException($"Autoencoder.Decode: expected z of shape (N, {Bottleneck}), got {z.ShapeString}.");
        return _decoder.Forward(z);
    }

    /// <summary>Decode(Encode(x)).</summary>
    public Tensor Reconstruct(Tensor x) => Decode(Encode(x));

    /// <summary>The mean squared error of Reconstruct(x) against x; caches what <see cref="Backward"/> needs.</summary>
    public double Loss(Tensor x)
    {
        var y = Reconstruct(x);
        _cache = (y, x);
        var d = (y - x).Span;
        double sum = 0;
        for (int i = 0; i < d.Length; i++) sum += d[i] * d[i];
        return sum / x.Length;
    }

    /// <summary>Sets every parameter's gradient of the last <see cref="Loss"/> (overwrites).</summary>
    public void Backward()
    {
        var (y, x) = _cache ?? throw new InvalidOperationException("Autoencoder.Backward called before Loss.");
        var dy = (y - x) * (2.0 / x.Length);
        _encoder.Backward(_decoder.Backward(dy));
    }

    /// <summary>One pass over <paramref name="d"/> in the mini-batches of <c>d.Batches(batch, rng)</c>, one optimiser step each.</summary>
    /// <returns>The mean training loss of the epoch, each batch weighted by its size.</returns>
    public double TrainEpoch(Dataset d, int batch, IOptimizer opt, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(opt);
        double total = 0;
        foreach (var b in d.Batches(batch, rng))
        {
            total += Loss(b.X) * b.Count;
            Backward();
            opt.Step(_parameters);
        }
        return total / d.Count;
    }

    private static void CheckPixels(Tensor x, string what)
    {
        if (x.Rank != 2 || x.Dim(1) != Pixels)
            throw new ArgumentException($"Autoencoder.{what}: expected x of shape (N, {Pixels}), got {x.ShapeString}.");
    }
}
