namespace Cert.Technical;

/// <summary>T2: AMSGrad — Adam whose second moment never shrinks: v̂ₜ = max(v̂ₜ₋₁, vₜ).</summary>
/// <remarks>θ ← θ − η (m/(1 − β₁ᵗ)) / (√(v̂/(1 − β₂ᵗ)) + ε). Keep m, v, v̂ and the step count per Parameter object;
/// Step reads Grad and never changes it.</remarks>
public sealed class AmsGrad(double lr, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    public double LearningRate { get; set; } = lr;

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException($"AmsGrad.Step: update m and v as in Adam, keep the running maximum v̂ = max(v̂, v), then θ −= η·(m/(1 − β₁ᵗ))/(√(v̂/(1 − β₂ᵗ)) + ε) (β₁ = {beta1}, β₂ = {beta2}, ε = {epsilon}).");
}
