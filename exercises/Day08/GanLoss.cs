namespace Course.Day08;

/// <summary>Exercise 8.4 — the GAN losses on discriminator logits, written with softplus so any logit is safe (lesson §8.4).</summary>
/// <remarks>
/// Logits: (N, 1) or any shape; means are over every element. log σ(x) = −softplus(−x) and log(1 − σ(x)) = −softplus(x)
/// with softplus(x) = max(x, 0) + log(1 + e^(−|x|)), finite for logits of ±1000. Labels: real → 1, fake → 0.
/// </remarks>
public static class GanLoss
{
    /// <summary>−[mean log σ(realLogits) + mean log(1 − σ(fakeLogits))] = mean softplus(−real) + mean softplus(fake).</summary>
    public static double Discriminator(Tensor realLogits, Tensor fakeLogits) =>
        throw new NotImplementedException(
            "GanLoss.Discriminator: binary cross-entropy with real labelled 1 and fake labelled 0, computed from the logits through softplus, never through log of a probability (lesson §8.4).");

    /// <summary>dReal = (σ(real) − 1)/N_real, dFake = σ(fake)/N_fake (the BCE gradient σ(x) − t with t = 1 and t = 0).</summary>
    public static (Tensor DReal, Tensor DFake) DiscriminatorGradient(Tensor realLogits, Tensor fakeLogits) =>
        throw new NotImplementedException(
            "GanLoss.DiscriminatorGradient: the cross-entropy-on-logits gradient is prediction minus label, divided by how many logits each mean runs over (lesson §8.4).");

    /// <summary>Non-saturating generator loss −mean log σ(fakeLogits) = mean softplus(−fake).</summary>
    public static double Generator(Tensor fakeLogits) =>
        throw new NotImplementedException(
            "GanLoss.Generator: the non-saturating form — the generator wants its fakes labelled real — not minus the discriminator's fake term (lesson §8.4).");

    /// <summary>(σ(fake) − 1)/N: close to −1/N for a confidently rejected fake, so the generator still learns.</summary>
    public static Tensor GeneratorGradient(Tensor fakeLogits) =>
        throw new NotImplementedException(
            "GanLoss.GeneratorGradient: the same prediction-minus-label rule with label 1; check that a fake the discriminator rejects still gets a large gradient (lesson §8.4).");
}
