using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Day08;

/// <summary>Exercise 8.6 — a GAN that learns a 1-D Gaussian: alternate one discriminator and one generator update (lesson §8.6).</summary>
/// <remarks>
/// G: Affine(1, 16) → Tanh → Affine(16, 1), noise (N, 1) → samples (N, 1).
/// D: Affine(1, 32) → LeakyRelu(0.2) → Affine(32, 1), samples (N, 1) → logits (N, 1).
/// Every layer is drawn as PyTorch's Linear: W (out, in) = <c>rng.Uniform(−k, k, out, in)</c>, then b =
/// <c>rng.Uniform(−k, k, out)</c>, k = 1/√in, from the given rng in that order (G's two layers, then D's two).
/// Each network has its own <c>Adam&lt;double&gt;(1e-3, beta1: 0.5)</c>.
/// </remarks>
public sealed class Gan1D
{
    public const double LearningRate = 1e-3, Beta1 = 0.5;

    public Gan1D(Rng rng) =>
        throw new NotImplementedException(
            "Gan1D: two small networks from the engine's layers, each with its own optimiser; draw weights and biases in the documented order (lesson §8.6).");

    public IReadOnlyList<Parameter> GeneratorParameters => throw new NotImplementedException("Gan1D.GeneratorParameters (lesson §8.6).");
    public IReadOnlyList<Parameter> DiscriminatorParameters => throw new NotImplementedException("Gan1D.DiscriminatorParameters (lesson §8.6).");

    /// <summary>The discriminator update, then the generator update, on the same noise.</summary>
    public (double DLoss, double GLoss) Step(Tensor realBatch, Tensor noise) =>
        throw new NotImplementedException("Gan1D.Step: first the discriminator's half, then the generator's (lesson §8.6).");

    /// <summary>
    /// One Adam step of D on real (label 1) against G(noise) (label 0). G(noise) is detached: no gradient flows into G,
    /// so G's parameters and gradients are untouched.
    /// </summary>
    /// <returns>The discriminator loss before the update.</returns>
    public double DiscriminatorStep(Tensor realBatch, Tensor noise) =>
        throw new NotImplementedException(
            "Gan1D.DiscriminatorStep: the fakes are data for this half — stop the gradient at G's output and step only D's optimiser (lesson §8.6).");

    /// <summary>
    /// One Adam step of G on the non-saturating loss −mean log σ(D(G(noise))), backpropagated through D, whose
    /// parameters stay as they are (only G's optimiser steps).
    /// </summary>
    /// <returns>The generator loss before the update.</returns>
    public double GeneratorStep(Tensor noise) =>
        throw new NotImplementedException(
            "Gan1D.GeneratorStep: the gradient must pass THROUGH D to reach G, but D is frozen — only G's optimiser steps (lesson §8.6).");

    /// <summary>G(noise): noise (N, 1) → samples (N, 1).</summary>
    public Tensor Generate(Tensor noise) =>
        throw new NotImplementedException("Gan1D.Generate: the generator's forward pass (lesson §8.6).");

    /// <summary>D's logits for samples x (N, 1).</summary>
    public Tensor Discriminate(Tensor x) =>
        throw new NotImplementedException("Gan1D.Discriminate: the discriminator's forward pass, logits not probabilities (lesson §8.6).");
}
