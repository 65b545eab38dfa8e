namespace Course.Day08;

/// <summary>Exercise 8.1 — KL(N(μ, σ²) ‖ N(0, 1)) in closed form, the VAE's regulariser (lesson §8.1).</summary>
/// <remarks>μ, logVar: (N, latent) with logVar = log σ². Summed over the latent dimensions, averaged over the batch.</remarks>
public static class Kl
{
    /// <summary>KL = −½ Σ (1 + logVar − μ² − exp(logVar)) / N, in nats per example; never negative.</summary>
    public static double ToStandardNormal(Tensor mu, Tensor logVar) =>
        throw new NotImplementedException(
            "Kl.ToStandardNormal: the closed form for two Gaussians, per latent dimension; mind that logVar is log σ², not σ, and the ½ in front; sum over dimensions, average over the batch (lesson §8.1).");

    /// <summary>(dKL/dμ, dKL/dlogVar) = (μ/N, ½(exp(logVar) − 1)/N), each (N, latent).</summary>
    public static (Tensor DMu, Tensor DLogVar) Gradient(Tensor mu, Tensor logVar) =>
        throw new NotImplementedException(
            "Kl.Gradient: differentiate the closed form term by term with respect to μ and to logVar; the batch average divides both by N (lesson §8.1).");
}
