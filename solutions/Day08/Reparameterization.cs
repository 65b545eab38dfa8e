namespace Course.Day08;

/// <summary>Exercise 8.2 — the reparameterisation trick: z = μ + σ ⊙ ε with σ = exp(½ logVar) (lesson §8.2).</summary>
/// <remarks>
/// μ, logVar, ε and dz share one shape, e.g. (N, latent). ε ~ N(0, I) is drawn by the caller and passed in, so z is a
/// differentiable function of μ and logVar and the backward pass must use the same ε as the forward sample.
/// </remarks>
public static class Reparameterization
{
    /// <summary>z = μ + exp(½ logVar) ⊙ ε.</summary>
    public static Tensor Sample(Tensor mu, Tensor logVar, Tensor eps)
    {
        Check(mu, logVar, eps, nameof(Sample));
        return mu + Ops.Exp(logVar * 0.5) * eps;
    }

    /// <summary>dμ = dz; dlogVar = dz ⊙ ε ⊙ ½ exp(½ logVar).</summary>
    public static (Tensor DMu, Tensor DLogVar) Backward(Tensor dz, Tensor logVar, Tensor eps)
    {
        Check(dz, logVar, eps, nameof(Backward));
        var halfSigma = Ops.Exp(logVar * 0.5) * 0.5;
        return (dz.Clone(), dz * eps * halfSigma);
    }

    private static void Check(Tensor a, Tensor logVar, Tensor eps, string what)
    {
        if (!a.SameShape(logVar) || !a.SameShape(eps))
            throw new ArgumentException($"Reparameterization.{what}: μ/dz, logVar and ε must have one shape, got {a.ShapeString}, {logVar.ShapeString} and {eps.ShapeString}.");
    }
}
