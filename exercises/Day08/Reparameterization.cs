namespace Course.Day08;

/// <summary>Exercise 8.2 — the reparameterisation trick: z = μ + σ ⊙ ε with σ = exp(½ logVar) (lesson §8.2).</summary>
/// <remarks>
/// μ, logVar, ε and dz share one shape, e.g. (N, latent). ε ~ N(0, I) is drawn by the caller and passed in, so z is a
/// differentiable function of μ and logVar and the backward pass must use the same ε as the forward sample.
/// </remarks>
public static class Reparameterization
{
    /// <summary>z = μ + exp(½ logVar) ⊙ ε.</summary>
    public static Tensor Sample(Tensor mu, Tensor logVar, Tensor eps) =>
        throw new NotImplementedException(
            "Reparameterization.Sample: move the randomness into ε so that z becomes a deterministic function of μ and logVar; σ comes from logVar (lesson §8.2).");

    /// <summary>dμ = dz; dlogVar = dz ⊙ ε ⊙ ½ exp(½ logVar).</summary>
    public static (Tensor DMu, Tensor DLogVar) Backward(Tensor dz, Tensor logVar, Tensor eps) =>
        throw new NotImplementedException(
            "Reparameterization.Backward: the chain rule through z = μ + σ ⊙ ε with the SAME ε as the sample; σ depends on logVar through exp(½ logVar) (lesson §8.2).");
}
