namespace Course.Engine.Optimizers;

/// <summary>
/// Adam with bias correction: m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ);
/// θ ← θ − η m̂ / (√v̂ + ε). t counts Step calls (not parameters); ε = 1e-8 outside the root.
/// </summary>
public sealed class Adam<T>(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AdamCore<T> _core = new(beta1, beta2, epsilon);

    public double LearningRate { get; set; } = learningRate;

    public double Beta1 => _core.Beta1;

    public double Beta2 => _core.Beta2;

    public double Epsilon => _core.Epsilon;

    /// <summary>Number of Step calls so far (t of the bias correction).</summary>
    public int Steps => _core.Steps;

    public void Step(IReadOnlyList<Parameter<T>> parameters) => _core.Step("Adam", parameters, LearningRate, weightDecay: 0.0);
}
