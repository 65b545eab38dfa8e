namespace Cert.Technical;

/// <summary>
/// T5 variant beta-vae: per-example reconstruction (binary cross-entropy of decoder logits against x in [0, 1], summed
/// over features) plus β·KL(N(μ, e^logVar) ‖ N(0, 1)) = β·(−½ Σ (1 + logVar − μ² − e^logVar)), averaged over the batch.
/// </summary>
/// <remarks>logits and x are (N, F); mu and logVar are (N, Z). Backward returns the gradients of the mean loss.</remarks>
public sealed class BetaVaeLoss(double beta)
{
    private (Tensor Logits, Tensor X, Tensor Mu, Tensor LogVar)? _cache;

    public double Beta { get; } = beta;

    /// <summary>The last Forward's mean reconstruction term and mean KL term (before β).</summary>
    public (double Reconstruction, double Kl) LastTerms { get; private set; }

    public double Forward(Tensor logits, Tensor x, Tensor mu, Tensor logVar)
    {
        if (logits.Rank != 2 || !logits.SameShape(x) || mu.Rank != 2 || !mu.SameShape(logVar) || mu.Dim(0) != x.Dim(0))
            throw new ArgumentException($"BetaVaeLoss: expected logits, x (N, F) and mu, logVar (N, Z); got {logits.ShapeString}, {x.ShapeString}, {mu.ShapeString}, {logVar.ShapeString}.");
        int n = x.Dim(0);
        double recon = 0, kl = 0;
        var z = logits.Span;
        var t = x.Span;
        for (int i = 0; i < z.Length; i++) recon += Math.Max(z[i], 0) - z[i] * t[i] + Math.Log(1 + Math.Exp(-Math.Abs(z[i])));
        var m = mu.Span;
        var lv = logVar.Span;
        for (int i = 0; i < m.Length; i++) kl += -0.5 * (1 + lv[i] - m[i] * m[i] - Math.Exp(lv[i]));
        _cache = (logits.Clone(), x.Clone(), mu.Clone(), logVar.Clone());
        LastTerms = (recon / n, kl / n);
        return (recon + Beta * kl) / n;
    }

    /// <summary>(dLogits = (σ(z) − x)/N, dMu = β·μ/N, dLogVar = β·½(e^logVar − 1)/N).</summary>
    public (Tensor DLogits, Tensor DMu, Tensor DLogVar) Backward()
    {
        var (logits, x, mu, logVar) = _cache ?? throw new InvalidOperationException("BetaVaeLoss.Backward called before Forward.");
        double n = x.Dim(0);
        var dLogits = Tensor.ZerosLike(logits);
        var z = logits.Span;
        var t = x.Span;
        var dz = dLogits.Span;
        for (int i = 0; i < z.Length; i++) dz[i] = (1.0 / (1.0 + Math.Exp(-z[i])) - t[i]) / n;
        var (dMu, dLogVar) = (Tensor.ZerosLike(mu), Tensor.ZerosLike(logVar));
        var m = mu.Span;
        var lv = logVar.Span;
        var dm = dMu.Span;
        var dlv = dLogVar.Span;
        for (int i = 0; i < m.Length; i++)
        {
            dm[i] = Beta * m[i] / n;
            dlv[i] = Beta * 0.5 * (Math.Exp(lv[i]) - 1) / n;
        }
        return (dLogits, dMu, dLogVar);
    }
}
