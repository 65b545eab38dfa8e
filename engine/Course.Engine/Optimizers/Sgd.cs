namespace Course.Engine.Optimizers;

/// <summary>Stochastic gradient descent: θ ← θ − η(g + λθ) (λ = optional L2 weight decay, 0 by default).</summary>
/// <remarks>Weight decay here is the L2 penalty ½λ‖θ‖² added to the loss, i.e. λθ added to the gradient (applied to
/// every parameter it is given: pass weights only to spare biases). Grad is read, never changed.</remarks>
public sealed class Sgd<T>(double learningRate, double weightDecay = 0.0) : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public double LearningRate { get; set; } = learningRate;

    /// <summary>L2 coefficient λ.</summary>
    public double WeightDecay { get; } = weightDecay;

    public void Step(IReadOnlyList<Parameter<T>> parameters)
    {
        foreach (var p in parameters)
        {
            OptimizerState<T>.RequireGradient("Sgd", p);
            Kernels.SgdStep.Apply(p.Value, p.Grad, LearningRate, WeightDecay);   // θ ← θ − η(g + λθ)
        }
    }
}
