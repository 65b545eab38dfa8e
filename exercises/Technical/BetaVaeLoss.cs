namespace Cert.Technical;

/// <summary>T5: β-VAE loss — reconstruction + β·KL, averaged over the batch.</summary>
/// <remarks>Reconstruction: binary cross-entropy of decoder logits (N, F) against x in [0, 1], summed over features.
/// KL(N(μ, e^logVar) ‖ N(0, 1)) = −½ Σ (1 + logVar − μ² − e^logVar) over the latent axis; mu and logVar are (N, Z).</remarks>
public sealed class BetaVaeLoss(double beta)
{
    public double Beta { get; } = beta;

    public (double Reconstruction, double Kl) LastTerms =>
        throw new NotImplementedException("BetaVaeLoss.LastTerms: the last Forward's batch-mean reconstruction term and KL term (before β).");

    public double Forward(Tensor logits, Tensor x, Tensor mu, Tensor logVar) =>
        throw new NotImplementedException("BetaVaeLoss.Forward: use the stable form max(z, 0) − z·x + log(1 + e^−|z|) for the reconstruction; add β·KL; divide by N.");

    public (Tensor DLogits, Tensor DMu, Tensor DLogVar) Backward() =>
        throw new NotImplementedException("BetaVaeLoss.Backward: dLogits = (σ(z) − x)/N, dMu = β·μ/N, dLogVar = β·½(e^logVar − 1)/N.");
}
