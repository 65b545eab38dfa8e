namespace Cert.Technical;

/// <summary>T2: AdamW — Adam with decoupled weight decay, θ ← θ − η(m̂/(√v̂ + ε) + λθ).</summary>
/// <remarks>Keep m, v and the step count per Parameter object; Step reads Grad and never changes it.</remarks>
public sealed class AdamW(double lr, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    public double LearningRate { get; set; } = lr;
    public double WeightDecay { get; } = weightDecay;

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException($"AdamW.Step: m and v from the gradient alone (bias-corrected with the step count t), then θ −= η·(m̂/(√v̂ + ε) + λ·θ); λθ must not enter m or v (β₁ = {beta1}, β₂ = {beta2}, ε = {epsilon}).");
}
