namespace Course.Day06;

/// <summary>Exercise 6.2 — gradient clipping by the global norm, the standard cure for exploding RNN gradients (lesson §6.2).</summary>
public static class GradientClipping
{
    /// <summary>
    /// ‖g‖ = √(Σ over every parameter's Grad of g²). If ‖g‖ exceeds <paramref name="maxNorm"/>, scales every Grad in
    /// place by maxNorm / ‖g‖ (one factor for all: the direction of the whole gradient is kept); otherwise leaves every
    /// Grad untouched.
    /// </summary>
    /// <returns>The norm before clipping.</returns>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> ps, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(ps);
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), $"ClipByGlobalNorm: maxNorm must be positive, got {maxNorm}.");
        double sum = 0;
        foreach (var p in ps)
            foreach (double g in p.Grad.Span)
                sum += g * g;
        double norm = Math.Sqrt(sum);
        if (norm > maxNorm)
        {
            double scale = maxNorm / norm;
            foreach (var p in ps)
            {
                var g = p.Grad.Span;
                for (int i = 0; i < g.Length; i++) g[i] *= scale;
            }
        }
        return norm;
    }
}
