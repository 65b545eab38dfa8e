using System.Numerics.Tensors;

namespace Course.Engine.Optimizers;

/// <summary>Nesterov accelerated gradient in PyTorch's form: v ← αv − ηg; θ ← θ + αv − ηg (with the new v).</summary>
/// <remarks>
/// This is the look-ahead method θ̃ ← θ̃ + v, v ← αv − η∇f(θ̃ + αv) rewritten with θ = θ̃ + αv, so the gradient is
/// taken at the stored θ (CURRICULUM Day 3). It is not the book's <c>Nesterov</c> class (θ + α²v − (1 + α)ηg).
/// </remarks>
public sealed class Nesterov<T>(double learningRate, double momentum = 0.9) : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly OptimizerState<T> _state = new(1);

    public double LearningRate { get; set; } = learningRate;

    /// <summary>α.</summary>
    public double MomentumCoefficient { get; } = momentum;

    public void Step(IReadOnlyList<Parameter<T>> parameters)
    {
        T lr = T.CreateChecked(LearningRate), alpha = T.CreateChecked(MomentumCoefficient);
        foreach (var p in parameters)
        {
            OptimizerState<T>.RequireGradient("Nesterov", p);
            var v = _state.For(p)[0].Span;
            var theta = p.Value.Span;
            var g = p.Grad.Span;
            TensorPrimitives.Multiply(v, alpha, v);           // αv
            TensorPrimitives.MultiplyAdd(g, -lr, v, v);       // v = αv − ηg
            TensorPrimitives.MultiplyAdd(v, alpha, theta, theta); // θ + αv
            TensorPrimitives.MultiplyAdd(g, -lr, theta, theta);   //     − ηg
        }
    }
}
