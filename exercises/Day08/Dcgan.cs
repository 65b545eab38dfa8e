using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Day08;

/// <summary>Exercise 8.7 — a small DCGAN for 8×8 digits: transposed convolutions up, strided convolutions down (lesson §8.7).</summary>
/// <remarks>
/// G: z (N, 16) → Affine(16, 128) → as (N, 32, 2, 2) → BatchNorm(32) → ReLU → TransposedConv2d(32 → 16, K 4, stride 2,
/// pad 1, no bias) → (N, 16, 4, 4) → BatchNorm(16) → ReLU → TransposedConv2d(16 → 1, K 4, stride 2, pad 1) → (N, 1, 8, 8)
/// → Tanh. D: Conv2d(1 → 16, K 4, stride 2, pad 1) → LeakyRelu(0.2) → Conv2d(16 → 32, K 4, stride 2, pad 1, no bias)
/// → BatchNorm(32) → LeakyRelu(0.2) → Affine(128, 1) → logit. Every weight is N(0, 0.02²) (the DCGAN paper's init),
/// drawn with <c>rng.Normal(0.02, shape)</c> in exactly this order: G's Affine, TConv 1, TConv 2, then D's Conv 1,
/// Conv 2, Affine; biases start at zero. Each network has its own <c>Adam&lt;double&gt;(2e-4, beta1: 0.5)</c>.
/// BatchNorm and its running statistics: the D half runs D once, in training mode, on the batch [real; G(z)]
/// (concatenated along N, so both halves are normalised with the same statistics); the G half runs D in training mode
/// on G(z). So one <see cref="Step"/> updates D's running statistics twice: with the concatenated batch, then with the
/// fakes of the G half (after D's update). G runs in training mode in both halves; <see cref="Generate"/> by default uses its
/// running statistics.
/// </remarks>
public sealed class Dcgan
{
    public const int NoiseDim = 16;
    public const double LearningRate = 2e-4, Beta1 = 0.5, InitStd = 0.02;

    public Dcgan(Rng rng) =>
        throw new NotImplementedException(
            "Dcgan: the generator upsamples with your transposed convolution, the discriminator downsamples with strided Conv2d; draw every weight in the documented order (lesson §8.7).");

    /// <summary>D as a chain of layers: images (N, 1, 8, 8) → logits (N, 1).</summary>
    public Sequential<double> Discriminator => throw new NotImplementedException("Dcgan.Discriminator: an engine Sequential of D's layers (lesson §8.7).");

    /// <summary>G's parameters: the Affine's W, b, then the upsampling layers' in order.</summary>
    public IReadOnlyList<Parameter> GeneratorParameters => throw new NotImplementedException("Dcgan.GeneratorParameters (lesson §8.7).");
    public IReadOnlyList<Parameter> DiscriminatorParameters => throw new NotImplementedException("Dcgan.DiscriminatorParameters (lesson §8.7).");

    /// <summary>The discriminator update, then the generator update, on the same noise.</summary>
    /// <param name="realImages">(N, 1, 8, 8) scaled to [−1, 1].</param>
    /// <param name="noise">(N, 16).</param>
    public (double DLoss, double GLoss) Step(Tensor realImages, Tensor noise) =>
        throw new NotImplementedException("Dcgan.Step: the same alternation as the 1-D GAN (lesson §8.7).");

    /// <summary>One Adam step of D on [real; G(noise)] (labels 1 and 0); G(noise) is detached, G is not touched.</summary>
    /// <returns>The discriminator loss before the update.</returns>
    public double DiscriminatorStep(Tensor realImages, Tensor noise) =>
        throw new NotImplementedException(
            "Dcgan.DiscriminatorStep: one training-mode pass of D over real and fake together, then only D's optimiser steps (lesson §8.7).");

    /// <summary>One Adam step of G on −mean log σ(D(G(noise))) through D, whose parameters stay as they are.</summary>
    /// <returns>The generator loss before the update.</returns>
    public double GeneratorStep(Tensor noise) =>
        throw new NotImplementedException(
            "Dcgan.GeneratorStep: backpropagate through D and then through G's layers back to the first Affine; only G's optimiser steps (lesson §8.7).");

    /// <summary>
    /// G(noise): (N, 16) → images (N, 1, 8, 8) in [−1, 1]. By default with BatchNorm's running statistics; with
    /// <paramref name="training"/> true with the batch's statistics (updating the running ones), as the two halves run G.
    /// </summary>
    public Tensor Generate(Tensor noise, bool training = false) =>
        throw new NotImplementedException("Dcgan.Generate: the generator's forward pass; BatchNorm uses running statistics unless training (lesson §8.7).");
}
