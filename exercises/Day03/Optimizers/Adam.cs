namespace Course.Day03;

/// <summary>
/// Adam: <c>m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); θ ← θ − η·m̂ / (√v̂ + ε)</c>
/// (lesson §3.5).
/// </summary>
/// <remarks>
/// m and v start at 0 and are kept per parameter; t counts calls to <see cref="Step"/> (not parameters), starting at 1.
/// Bias correction makes the first step η·g/(|g| + ε) ≈ η·sign(g). Without it the zero start makes the steps larger,
/// not smaller: with a constant gradient the first step is 0.1/√0.001 ≈ 3.16η, the second ≈ 4.25η (peak ≈ 6.57η at t = 12).
/// </remarks>
public sealed class Adam : IOptimizer
{
    public Adam(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    private double Beta1 { get; }

    private double Beta2 { get; }

    private double Epsilon { get; }

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException(
            $"Adam.Step: t ← t + 1 once per call; per Parameter keep m and v (zeros shaped like p.Value); per element " +
            $"m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g² (β₁ = {Beta1}, β₂ = {Beta2}), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), " +
            $"θ ← θ − η·m̂ / (√v̂ + ε) with ε = {Epsilon}; update p.Value in place, never p.Grad (lesson §3.5).");
}
