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

    public Autoencoder(Rng rng, int bottleneck = 8) =>
        throw new NotImplementedException(
            "Autoencoder: build an encoder and a decoder from the engine's layers, drawing the four Affine layers from rng in the documented order (lesson §8.3).");

    public int Bottleneck => throw new NotImplementedException("Autoencoder.Bottleneck: the code size (lesson §8.3).");

    /// <summary>Encoder then decoder parameters, in layer order (W, b per Affine).</summary>
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("Autoencoder.Parameters: the encoder's then the decoder's (lesson §8.3).");

    /// <summary>x (N, 64) → code (N, bottleneck).</summary>
    public Tensor Encode(Tensor x) =>
        throw new NotImplementedException("Autoencoder.Encode: squeeze 64 pixels through the bottleneck (lesson §8.3).");

    /// <summary>z (N, bottleneck) → reconstruction (N, 64) in (0, 1).</summary>
    public Tensor Decode(Tensor z) =>
        throw new NotImplementedException("Autoencoder.Decode: expand the code back to 64 pixels; the last activation keeps them in (0, 1) (lesson §8.3).");

    /// <summary>Decode(Encode(x)).</summary>
    public Tensor Reconstruct(Tensor x) =>
        throw new NotImplementedException("Autoencoder.Reconstruct: the whole round trip (lesson §8.3).");

    /// <summary>The mean squared error of Reconstruct(x) against x; caches what <see cref="Backward"/> needs.</summary>
    public double Loss(Tensor x) =>
        throw new NotImplementedException("Autoencoder.Loss: the input is its own target; average the squared error over every pixel of the batch (lesson §8.3).");

    /// <summary>Sets every parameter's gradient of the last <see cref="Loss"/> (overwrites).</summary>
    public void Backward() =>
        throw new NotImplementedException("Autoencoder.Backward: the loss gradient goes back through the decoder, then the encoder (lesson §8.3).");

    /// <summary>One pass over <paramref name="d"/> in the mini-batches of <c>d.Batches(batch, rng)</c>, one optimiser step each.</summary>
    /// <returns>The mean training loss of the epoch, each batch weighted by its size.</returns>
    public double TrainEpoch(Dataset d, int batch, IOptimizer opt, Rng rng) =>
        throw new NotImplementedException("Autoencoder.TrainEpoch: loss, backward, optimiser step per shuffled batch; labels are not used (lesson §8.3).");
}
