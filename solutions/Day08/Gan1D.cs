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

    private readonly Sequential<double> _g;
    private readonly Sequential<double> _d;
    private readonly Adam<double> _optG = new(LearningRate, Beta1);
    private readonly Adam<double> _optD = new(LearningRate, Beta1);

    public Gan1D(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _g = new Sequential<double>(Dense(1, 16, rng), new Tanh<double>(), Dense(16, 1, rng));
        _d = new Sequential<double>(Dense(1, 32, rng), new LeakyRelu<double>(0.2), Dense(32, 1, rng));
    }

    /// <summary>PyTorch's default Linear init: W (out, in) then b (out), each U(−1/√in, 1/√in). A random bias matters
    /// here: with b = 0 every kink of D and every tanh of G sits at 0, far from the target around 4.</summary>
    private static Affine<double> Dense(int inputs, int outputs, Rng rng)
    {
        double k = 1 / Math.Sqrt(inputs);
        var w = rng.Uniform(-k, k, outputs, inputs);
        return new Affine<double>(w, rng.Uniform(-k, k, outputs));
    }

    public IReadOnlyList<Parameter> GeneratorParameters => _g.Parameters;
    public IReadOnlyList<Parameter> DiscriminatorParameters => _d.Parameters;

    /// <summary>The discriminator update, then the generator update, on the same noise.</summary>
    public (double DLoss, double GLoss) Step(Tensor realBatch, Tensor noise)
    {
        double dLoss = DiscriminatorStep(realBatch, noise);
        double gLoss = GeneratorStep(noise);
        return (dLoss, gLoss);
    }

    /// <summary>
    /// One Adam step of D on real (label 1) against G(noise) (label 0). G(noise) is detached: no gradient flows into G,
    /// so G's parameters and gradients are untouched.
    /// </summary>
    /// <returns>The discriminator loss before the update.</returns>
    public double DiscriminatorStep(Tensor realBatch, Tensor noise)
    {
        CheckColumn(realBatch, nameof(realBatch));
        var fake = Generate(noise);
        int n = realBatch.Dim(0);
        var logits = _d.Forward(Ops.Concat(0, realBatch, fake));
        var real = logits.Slice(0, 0, n).Clone();
        var fakeLogits = logits.Slice(0, n, fake.Dim(0)).Clone();
        double loss = GanLoss.Discriminator(real, fakeLogits);
        var (dReal, dFake) = GanLoss.DiscriminatorGradient(real, fakeLogits);
        _d.BackwardParameters(Ops.Concat(0, dReal, dFake));
        _optD.Step(_d.Parameters);
        return loss;
    }

    /// <summary>
    /// One Adam step of G on the non-saturating loss −mean log σ(D(G(noise))), backpropagated through D, whose
    /// parameters stay as they are (only G's optimiser steps).
    /// </summary>
    /// <returns>The generator loss before the update.</returns>
    public double GeneratorStep(Tensor noise)
    {
        CheckColumn(noise, nameof(noise));
        var fake = _g.Forward(noise);
        var logits = _d.Forward(fake);
        double loss = GanLoss.Generator(logits);
        var dFake = _d.Backward(GanLoss.GeneratorGradient(logits));
        _g.BackwardParameters(dFake);
        _optG.Step(_g.Parameters);
        return loss;
    }

    /// <summary>G(noise): noise (N, 1) → samples (N, 1).</summary>
    public Tensor Generate(Tensor noise)
    {
        CheckColumn(noise, nameof(noise));
        return _g.Forward(noise, training: false);
    }

    /// <summary>D's logits for samples x (N, 1).</summary>
    public Tensor Discriminate(Tensor x)
    {
        CheckColumn(x, nameof(x));
        return _d.Forward(x, training: false);
    }

    private static void CheckColumn(Tensor x, string name)
    {
        if (x.Rank != 2 || x.Dim(1) != 1 || x.Dim(0) < 1)
            throw new ArgumentException($"Gan1D: expected {name} of shape (N, 1), got {x.ShapeString}.", name);
    }
}
