namespace Course.Day08;

/// <summary>Exercise 8.1 — KL(N(μ, σ²) ‖ N(0, 1)) in closed form, the VAE's regulariser (lesson §8.1).</summary>
/// <remarks>μ, logVar: (N, latent) with logVar = log σ². Summed over the latent dimensions, averaged over the batch.</remarks>
public static class Kl
{
    /// <summary>KL = −½ Σ (1 + logVar − μ² − exp(logVar)) / N, in nats per example; never negative.</summary>
    public static double ToStandardNormal(Tensor mu, Tensor logVar)
    {
        int n = Check(mu, logVar);
        var m = mu.Span;
        var lv = logVar.Span;
        double sum = 0;
        for (int i = 0; i < m.Length; i++) sum += 1 + lv[i] - m[i] * m[i] - Math.Exp(lv[i]);
        return -0.5 * sum / n;
    }

    /// <summary>(dKL/dμ, dKL/dlogVar) = (μ/N, ½(exp(logVar) − 1)/N), each (N, latent).</summary>
    public static (Tensor DMu, Tensor DLogVar) Gradient(Tensor mu, Tensor logVar)
    {
        int n = Check(mu, logVar);
        var dMu = mu / n;
        var dLogVar = (Ops.Exp(logVar) - 1.0) * (0.5 / n);
        return (dMu, dLogVar);
    }

    private static int Check(Tensor mu, Tensor logVar)
    {
        if (mu.Rank != 2 || !mu.SameShape(logVar) || mu.Dim(0) < 1)
            throw new ArgumentException($"Kl: expected μ and logVar of one shape (N, latent), got {mu.ShapeString} and {logVar.ShapeString}.");
        return mu.Dim(0);
    }
}
