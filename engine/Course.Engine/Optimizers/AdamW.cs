namespace Course.Engine.Optimizers;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter): Adam with decoupled weight decay, θ ← θ − ηλθ − η m̂ / (√v̂ + ε).
/// The decay acts on θ directly and never enters m or v (unlike L2 added to the gradient), as in PyTorch's AdamW.
/// </summary>
public sealed class AdamW<T>(double learningRate, double weightDecay = 0.01, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AdamCore<T> _core = new(beta1, beta2, epsilon);

    public double LearningRate { get; set; } = learningRate;

    /// <summary>λ, the decoupled decay rate (per unit learning rate).</summary>
    public double WeightDecay { get; } = weightDecay;

    /// <summary>Number of Step calls so far.</summary>
    public int Steps => _core.Steps;

    public void Step(IReadOnlyList<Parameter<T>> parameters) => _core.Step("AdamW", parameters, LearningRate, WeightDecay);
}
