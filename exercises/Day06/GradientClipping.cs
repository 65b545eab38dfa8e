namespace Course.Day06;

/// <summary>Exercise 6.2 — gradient clipping by the global norm, the standard cure for exploding RNN gradients (lesson §6.2).</summary>
public static class GradientClipping
{
    /// <summary>
    /// ‖g‖ = √(Σ over every parameter's Grad of g²). If ‖g‖ exceeds <paramref name="maxNorm"/>, scales every Grad in
    /// place by maxNorm / ‖g‖ (one factor for all: the direction of the whole gradient is kept); otherwise leaves every
    /// Grad untouched. A maxNorm that is not positive throws an <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    /// <returns>The norm before clipping.</returns>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> ps, double maxNorm) =>
        throw new NotImplementedException(
            "GradientClipping.ClipByGlobalNorm: one norm over ALL the gradients together, then one common scale factor — only when the norm is too large (lesson §6.2).");
}
