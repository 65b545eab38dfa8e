using Course.Engine.Layers;

namespace Course.Day08;

/// <summary>Exercise 8.5 — a variational autoencoder on 8×8 digits: −ELBO = reconstruction + KL (lesson §8.5).</summary>
/// <remarks>
/// Encoder: Affine(64, 64) → ReLU, then two heads Affine(64, latent) for μ and for logVar = log σ². Decoder:
/// Affine(latent, 64) → ReLU → Affine(64, 64) giving pixel logits. Weights are drawn from the given rng in exactly that
/// order — hidden (He), μ head (Xavier), logVar head (Xavier), decoder hidden (He), decoder output (Xavier) — and biases
/// start at zero. z = μ + exp(½ logVar) ⊙ ε (8.2). Reconstruction: binary cross-entropy with logits against the pixels
/// (÷16, read as Bernoulli means), summed over the 64 pixels and averaged over the batch; KL (8.1) from the encoder's
/// (μ, logVar). Both are nats per image; their sum is the negative ELBO.
/// </remarks>
public sealed class Vae
{
    public const int Pixels = 64, Hidden = 64;

    private readonly Affine<double> _hidden, _muHead, _logVarHead;
    private readonly Relu<double> _relu = new();
    private readonly Sequential<double> _decoder;
    private readonly Parameter[] _parameters;
    private Cache? _cache;

    private sealed record Cache(Tensor X, Tensor Mu, Tensor LogVar, Tensor Eps, Tensor Logits);

    public Vae(int latent, Rng rng)
    {
        if (latent < 1) throw new ArgumentOutOfRangeException(nameof(latent), $"Vae: latent must be ≥ 1, got {latent}.");
        ArgumentNullException.ThrowIfNull(rng);
        Latent = latent;
        _hidden = new Affine<double>(Pixels, Hidden, rng);
        _muHead = new Affine<double>(Hidden, latent, rng, WeightInit.Xavier);
        _logVarHead = new Affine<double>(Hidden, latent, rng, WeightInit.Xavier);
        _decoder = new Sequential<double>(new Affine<double>(latent, Hidden, rng), new Relu<double>(),
                                          new Affine<double>(Hidden, Pixels, rng, WeightInit.Xavier));
        _parameters = [.. _hidden.Parameters, .. _muHead.Parameters, .. _logVarHead.Parameters, .. _decoder.Parameters];
    }

    public int Latent { get; }

    /// <summary>Encoder (hidden, μ head, logVar head) then decoder parameters, in layer order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>x (N, 64) → (μ, logVar), each (N, latent).</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        if (x.Rank != 2 || x.Dim(1) != Pixels)
            throw new ArgumentException($"Vae.Encode: expected x of shape (N, {Pixels}), got {x.ShapeString}.");
        var h = _relu.Forward(_hidden.Forward(x));
        return (_muHead.Forward(h), _logVarHead.Forward(h));
    }

    /// <summary>z (N, latent) → pixel probabilities σ(logits), (N, 64).</summary>
    public Tensor Decode(Tensor z) => Ops.Sigmoid(Logits(z));

    /// <summary>The two terms of −ELBO on x with ε = <c>rng.Normal(1.0, N, latent)</c>.</summary>
    public (double Reconstruction, double Kl) Loss(Tensor x, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (x.Rank != 2) throw new ArgumentException($"Vae.Loss: expected x of shape (N, {Pixels}), got {x.ShapeString}.");
        return Loss(x, rng.Normal(1.0, x.Dim(0), Latent));
    }

    /// <summary>The two terms of −ELBO on x with the given ε (N, latent); caches what <see cref="Backward"/> needs.</summary>
    public (double Reconstruction, double Kl) Loss(Tensor x, Tensor eps)
    {
        var (mu, logVar) = Encode(x);
        var logits = Logits(Reparameterization.Sample(mu, logVar, eps));
        _cache = new Cache(x, mu, logVar, eps, logits);
        var l = logits.Span;
        var t = x.Span;
        double sum = 0;
        for (int i = 0; i < l.Length; i++) sum += Math.Max(l[i], 0) - t[i] * l[i] + Math.Log(1 + Math.Exp(-Math.Abs(l[i])));
        return (sum / x.Dim(0), Course.Day08.Kl.ToStandardNormal(mu, logVar));
    }

    /// <summary>Sets every parameter's gradient of reconstruction + KL for the last <see cref="Loss(Tensor, Tensor)"/> (overwrites).</summary>
    public void Backward()
    {
        var c = _cache ?? throw new InvalidOperationException("Vae.Backward called before Loss.");
        var dLogits = (Ops.Sigmoid(c.Logits) - c.X) / c.X.Dim(0);
        var dz = _decoder.Backward(dLogits);
        var (dMuRec, dLogVarRec) = Reparameterization.Backward(dz, c.LogVar, c.Eps);
        var (dMuKl, dLogVarKl) = Course.Day08.Kl.Gradient(c.Mu, c.LogVar);
        var dh = _muHead.Backward(dMuRec + dMuKl) + _logVarHead.Backward(dLogVarRec + dLogVarKl);
        _hidden.Backward(_relu.Backward(dh));
    }

    /// <summary>
    /// One pass over <paramref name="d"/>: the permutation of <c>d.Batches(batch, rng)</c> first, then per batch its ε
    /// from the same rng, Loss, Backward and one optimiser step.
    /// </summary>
    /// <returns>The epoch's mean training −ELBO (reconstruction + KL), each batch weighted by its size.</returns>
    public double TrainEpoch(Dataset d, int batch, IOptimizer opt, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(opt);
        double total = 0;
        foreach (var b in d.Batches(batch, rng))
        {
            var (rec, kl) = Loss(b.X, rng);
            total += (rec + kl) * b.Count;
            Backward();
            opt.Step(_parameters);
        }
        return total / d.Count;
    }

    /// <summary>n images σ(decoder(z)) with z = <c>rng.Normal(1.0, n, latent)</c> ~ N(0, I): (n, 64).</summary>
    public Tensor SampleImages(int n, Rng rng)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Vae.SampleImages: n must be ≥ 1, got {n}.");
        ArgumentNullException.ThrowIfNull(rng);
        return Decode(rng.Normal(1.0, n, Latent));
    }

    private Tensor Logits(Tensor z)
    {
        if (z.Rank != 2 || z.Dim(1) != Latent)
            throw new ArgumentException($"Vae: expected z of shape (N, {Latent}), got {z.ShapeString}.");
        return _decoder.Forward(z);
    }
}
