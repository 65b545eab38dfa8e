using System.Numerics.Tensors;

namespace Course.Engine.Optimizers;

/// <summary>RMSProp: h ← ρh + (1 − ρ)g²; θ ← θ − ηg / (√h + ε) (ρ = 0.99, ε = 1e-7 outside the root, h starts at 0).</summary>
public sealed class RmsProp<T>(double learningRate, double decay = 0.99, double epsilon = 1e-7) : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly OptimizerState<T> _state = new(2); // h and a scratch buffer

    public double LearningRate { get; set; } = learningRate;

    /// <summary>ρ.</summary>
    public double Decay { get; } = decay;

    public double Epsilon { get; } = epsilon;

    public void Step(IReadOnlyList<Parameter<T>> parameters) =>
        _state.Step("RmsProp", parameters, new Update(T.CreateChecked(LearningRate), T.CreateChecked(Decay), T.CreateChecked(Epsilon)));

    private readonly struct Update(T lr, T rho, T eps) : IParameterUpdate<T>
    {
        public void Apply(Span<T> theta, ReadOnlySpan<T> g, Tensor<T>[] buffers)
        {
            Span<T> h = buffers[0].Span, tmp = buffers[1].Span;
            TensorPrimitives.Multiply(g, g, tmp);
            TensorPrimitives.Multiply(h, rho, h);
            TensorPrimitives.MultiplyAdd(tmp, T.One - rho, h, h);   // ρh + (1 − ρ)g²
            TensorPrimitives.Sqrt(h, tmp);
            TensorPrimitives.Add(tmp, eps, tmp);
            TensorPrimitives.Divide(g, tmp, tmp);
            TensorPrimitives.MultiplyAdd(tmp, -lr, theta, theta);
        }
    }
}
