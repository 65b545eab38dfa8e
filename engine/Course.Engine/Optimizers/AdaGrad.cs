using System.Numerics.Tensors;

namespace Course.Engine.Optimizers;

/// <summary>AdaGrad: h ← h + g²; θ ← θ − ηg / (√h + ε), ε outside the root (default 1e-7, as in the book).</summary>
public sealed class AdaGrad<T>(double learningRate, double epsilon = 1e-7) : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly OptimizerState<T> _state = new(2); // h and a scratch buffer

    public double LearningRate { get; set; } = learningRate;

    public double Epsilon { get; } = epsilon;

    public void Step(IReadOnlyList<Parameter<T>> parameters) =>
        _state.Step("AdaGrad", parameters, new Update(T.CreateChecked(LearningRate), T.CreateChecked(Epsilon)));

    private readonly struct Update(T lr, T eps) : IParameterUpdate<T>
    {
        public void Apply(Span<T> theta, ReadOnlySpan<T> g, Tensor<T>[] buffers)
        {
            Span<T> h = buffers[0].Span, tmp = buffers[1].Span;
            TensorPrimitives.MultiplyAdd(g, g, h, h);       // h + g²
            TensorPrimitives.Sqrt(h, tmp);
            TensorPrimitives.Add(tmp, eps, tmp);            // √h + ε
            TensorPrimitives.Divide(g, tmp, tmp);           // g / (√h + ε)
            TensorPrimitives.MultiplyAdd(tmp, -lr, theta, theta);
        }
    }
}
