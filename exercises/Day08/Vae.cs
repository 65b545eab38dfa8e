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

    public Vae(int latent, Rng rng) =>
        throw new NotImplementedException(
            "Vae: an encoder with two heads (μ and logVar) and a decoder to pixel logits, drawn from rng in the documented order (lesson §8.5).");

    public int Latent => throw new NotImplementedException("Vae.Latent: the size of z (lesson §8.5).");

    /// <summary>Encoder (hidden, μ head, logVar head) then decoder parameters, in layer order.</summary>
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("Vae.Parameters: encoder's then decoder's (lesson §8.5).");

    /// <summary>x (N, 64) → (μ, logVar), each (N, latent).</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor x) =>
        throw new NotImplementedException("Vae.Encode: one shared hidden layer, then the two heads (lesson §8.5).");

    /// <summary>z (N, latent) → pixel probabilities σ(logits), (N, 64).</summary>
    public Tensor Decode(Tensor z) =>
        throw new NotImplementedException("Vae.Decode: the decoder gives logits; probabilities come from the sigmoid (lesson §8.5).");

    /// <summary>The two terms of −ELBO on x with ε = <c>rng.Normal(1.0, N, latent)</c>.</summary>
    public (double Reconstruction, double Kl) Loss(Tensor x, Rng rng) =>
        throw new NotImplementedException("Vae.Loss: draw ε from rng and use the other overload (lesson §8.5).");

    /// <summary>The two terms of −ELBO on x with the given ε (N, latent); caches what <see cref="Backward"/> needs.</summary>
    public (double Reconstruction, double Kl) Loss(Tensor x, Tensor eps) =>
        throw new NotImplementedException(
            "Vae.Loss: encode, sample z with the reparameterisation trick, decode to logits; reconstruction is a stable BCE on logits, the KL uses the encoder's outputs, not z (lesson §8.5).");

    /// <summary>Sets every parameter's gradient of reconstruction + KL for the last <see cref="Loss(Tensor, Tensor)"/> (overwrites).</summary>
    public void Backward() =>
        throw new NotImplementedException(
            "Vae.Backward: the reconstruction gradient reaches μ and logVar through the sample with the same ε; the KL gradient adds to it directly (lesson §8.5).");

    /// <summary>
    /// One pass over <paramref name="d"/>: the permutation of <c>d.Batches(batch, rng)</c> first, then per batch its ε
    /// from the same rng, Loss, Backward and one optimiser step.
    /// </summary>
    /// <returns>The epoch's mean training −ELBO (reconstruction + KL), each batch weighted by its size.</returns>
    public double TrainEpoch(Dataset d, int batch, IOptimizer opt, Rng rng) =>
        throw new NotImplementedException("Vae.TrainEpoch: a fresh ε per batch, from the rng after the batches' permutation (lesson §8.5).");

    /// <summary>n images σ(decoder(z)) with z = <c>rng.Normal(1.0, n, latent)</c> ~ N(0, I): (n, 64).</summary>
    public Tensor SampleImages(int n, Rng rng) =>
        throw new NotImplementedException("Vae.SampleImages: generation needs no encoder — decode codes drawn from the prior (lesson §8.5).");
}
