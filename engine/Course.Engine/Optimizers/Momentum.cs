using System.Numerics.Tensors;

namespace Course.Engine.Optimizers;

/// <summary>Momentum SGD (the book's form): v ← αv − η(g + λθ); θ ← θ + v. Velocities start at 0, one per parameter.</summary>
public sealed class Momentum<T>(double learningRate, double momentum = 0.9, double weightDecay = 0.0) : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly OptimizerState<T> _state = new(1);

    public double LearningRate { get; set; } = learningRate;

    /// <summary>α.</summary>
    public double MomentumCoefficient { get; } = momentum;

    /// <summary>L2 coefficient λ (added to the gradient).</summary>
    public double WeightDecay { get; } = weightDecay;

    public void Step(IReadOnlyList<Parameter<T>> parameters) =>
        _state.Step("Momentum", parameters, new Update(T.CreateChecked(LearningRate), T.CreateChecked(MomentumCoefficient), WeightDecay));

    private readonly struct Update(T lr, T alpha, double weightDecay) : IParameterUpdate<T>
    {
        public void Apply(Span<T> theta, ReadOnlySpan<T> g, Tensor<T>[] buffers)
        {
            var v = buffers[0].Span;
            TensorPrimitives.Multiply(v, alpha, v);                                                   // αv
            if (weightDecay != 0) TensorPrimitives.MultiplyAdd(theta, -lr * T.CreateChecked(weightDecay), v, v); // − ηλθ
            TensorPrimitives.MultiplyAdd(g, -lr, v, v);                                               // − ηg
            TensorPrimitives.Add(theta, v, theta);                                                    // θ + v
        }
    }
}
