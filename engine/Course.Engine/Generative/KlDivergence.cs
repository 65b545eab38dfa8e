namespace Course.Engine.Generative;

/// <summary>KL(N(μ, σ²) ‖ N(0, I)) in closed form, summed over latent dimensions and averaged over the batch.</summary>
/// <remarks>μ, logVar: (N, latent). KL = −½ Σ (1 + logVar − μ² − exp(logVar)) / N; dμ = μ/N, dlogVar = ½(exp(logVar) − 1)/N.</remarks>
public static class KlDivergence
{
    public static double ToStandardNormal<T>(Tensor<T> mu, Tensor<T> logVar) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Check(mu, logVar);
        var terms = (logVar + T.One) - mu * mu - Ops.Exp(logVar);
        return -0.5 * double.CreateChecked(terms.Sum()) / n;
    }

    public static (Tensor<T> DMu, Tensor<T> DLogVar) Gradient<T>(Tensor<T> mu, Tensor<T> logVar) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Check(mu, logVar);
        T invN = T.One / T.CreateChecked(n);
        return (mu * invN, (Ops.Exp(logVar) - T.One) * (T.CreateChecked(0.5) * invN));
    }

    private static int Check<T>(Tensor<T> mu, Tensor<T> logVar) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!mu.SameShape(logVar) || mu.Rank != 2)
            throw new ArgumentException($"KlDivergence: expected μ and logVar of one shape (N, latent), got {mu.ShapeString} and {logVar.ShapeString}.");
        return mu.Dim(0);
    }
}
