namespace Course.Day08;

/// <summary>Exercise 8.4 — the GAN losses on discriminator logits, written with softplus so any logit is safe (lesson §8.4).</summary>
/// <remarks>
/// Logits: (N, 1) or any shape; means are over every element. log σ(x) = −softplus(−x) and log(1 − σ(x)) = −softplus(x)
/// with softplus(x) = max(x, 0) + log(1 + e^(−|x|)), finite for logits of ±1000. Labels: real → 1, fake → 0.
/// </remarks>
public static class GanLoss
{
    /// <summary>−[mean log σ(realLogits) + mean log(1 − σ(fakeLogits))] = mean softplus(−real) + mean softplus(fake).</summary>
    public static double Discriminator(Tensor realLogits, Tensor fakeLogits)
    {
        Check(realLogits, nameof(realLogits));
        Check(fakeLogits, nameof(fakeLogits));
        return MeanSoftplus(realLogits, -1.0) + MeanSoftplus(fakeLogits, 1.0);
    }

    /// <summary>dReal = (σ(real) − 1)/N_real, dFake = σ(fake)/N_fake (the BCE gradient σ(x) − t with t = 1 and t = 0).</summary>
    public static (Tensor DReal, Tensor DFake) DiscriminatorGradient(Tensor realLogits, Tensor fakeLogits)
    {
        Check(realLogits, nameof(realLogits));
        Check(fakeLogits, nameof(fakeLogits));
        return ((Ops.Sigmoid(realLogits) - 1.0) / realLogits.Length, Ops.Sigmoid(fakeLogits) / fakeLogits.Length);
    }

    /// <summary>Non-saturating generator loss −mean log σ(fakeLogits) = mean softplus(−fake).</summary>
    public static double Generator(Tensor fakeLogits)
    {
        Check(fakeLogits, nameof(fakeLogits));
        return MeanSoftplus(fakeLogits, -1.0);
    }

    /// <summary>(σ(fake) − 1)/N: close to −1/N for a confidently rejected fake, so the generator still learns.</summary>
    public static Tensor GeneratorGradient(Tensor fakeLogits)
    {
        Check(fakeLogits, nameof(fakeLogits));
        return (Ops.Sigmoid(fakeLogits) - 1.0) / fakeLogits.Length;
    }

    /// <summary>mean softplus(sign·x).</summary>
    private static double MeanSoftplus(Tensor logits, double sign)
    {
        var s = logits.Span;
        double sum = 0;
        for (int i = 0; i < s.Length; i++)
        {
            double v = sign * s[i];
            sum += Math.Max(v, 0) + Math.Log(1 + Math.Exp(-Math.Abs(v)));
        }
        return sum / s.Length;
    }

    private static void Check(Tensor logits, string name)
    {
        if (logits.Rank < 1 || logits.Length < 1)
            throw new ArgumentException($"GanLoss: {name} must hold at least one logit, got {logits.ShapeString}.", name);
    }
}
