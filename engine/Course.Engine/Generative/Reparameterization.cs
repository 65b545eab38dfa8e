namespace Course.Engine.Generative;

/// <summary>The VAE's reparameterisation trick: z = μ + σ⊙ε with σ = exp(½·logVar) and ε ~ N(0, I) drawn outside.</summary>
/// <remarks>Because ε is an input, z is a differentiable function of μ and logVar: dμ = dz, dlogVar = dz⊙ε⊙½σ.
/// All tensors share one shape, e.g. (N, latent).</remarks>
public static class Reparameterization
{
    public static Tensor<T> Sample<T>(Tensor<T> mu, Tensor<T> logVar, Tensor<T> eps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(mu, logVar, eps);
        return mu + Ops.Exp(logVar * T.CreateChecked(0.5)) * eps;
    }

    /// <summary>(dμ, dlogVar) for the upstream gradient <paramref name="dz"/> and the same ε as the forward sample.</summary>
    public static (Tensor<T> DMu, Tensor<T> DLogVar) Backward<T>(Tensor<T> dz, Tensor<T> logVar, Tensor<T> eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(dz, logVar, eps);
        var halfSigma = Ops.Exp(logVar * T.CreateChecked(0.5)) * T.CreateChecked(0.5);
        return (dz.Clone(), dz * eps * halfSigma);
    }

    private static void Check<T>(Tensor<T> a, Tensor<T> b, Tensor<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!a.SameShape(b) || !a.SameShape(c))
            throw new ArgumentException($"Reparameterization: μ/dz, logVar and ε must have one shape, got {a.ShapeString}, {b.ShapeString}, {c.ShapeString}.");
    }
}
