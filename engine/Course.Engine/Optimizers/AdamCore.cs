using System.Numerics.Tensors;

namespace Course.Engine.Optimizers;

/// <summary>The moment updates shared by <see cref="Adam{T}"/> and <see cref="AdamW{T}"/>.</summary>
internal sealed class AdamCore<T>(double beta1, double beta2, double epsilon) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly OptimizerState<T> _state = new(3); // m, v, scratch

    public double Beta1 { get; } = beta1;
    public double Beta2 { get; } = beta2;
    public double Epsilon { get; } = epsilon;
    public int Steps { get; private set; }

    public void Step(string name, IReadOnlyList<Parameter<T>> parameters, double learningRate, double weightDecay)
    {
        Steps++;
        double bc1 = 1 - Math.Pow(Beta1, Steps), bc2 = 1 - Math.Pow(Beta2, Steps);
        T b1 = T.CreateChecked(Beta1), b2 = T.CreateChecked(Beta2), eps = T.CreateChecked(Epsilon);
        T invSqrtBc2 = T.CreateChecked(1 / Math.Sqrt(bc2));
        T stepSize = T.CreateChecked(learningRate / bc1);
        T decay = T.CreateChecked(1 - learningRate * weightDecay);
        _state.Step(name, parameters, new Update(b1, b2, eps, invSqrtBc2, stepSize, decay, weightDecay != 0));
    }

    private readonly struct Update(T b1, T b2, T eps, T invSqrtBc2, T stepSize, T decay, bool decoupledDecay) : IParameterUpdate<T>
    {
        public void Apply(Span<T> theta, ReadOnlySpan<T> g, Tensor<T>[] buffers)
        {
            Span<T> m = buffers[0].Span, v = buffers[1].Span, tmp = buffers[2].Span;
            TensorPrimitives.Multiply(m, b1, m);
            TensorPrimitives.MultiplyAdd(g, T.One - b1, m, m);      // m = β₁m + (1 − β₁)g
            TensorPrimitives.Multiply(g, g, tmp);
            TensorPrimitives.Multiply(v, b2, v);
            TensorPrimitives.MultiplyAdd(tmp, T.One - b2, v, v);    // v = β₂v + (1 − β₂)g²
            TensorPrimitives.Sqrt(v, tmp);
            TensorPrimitives.Multiply(tmp, invSqrtBc2, tmp);
            TensorPrimitives.Add(tmp, eps, tmp);                    // √v̂ + ε
            TensorPrimitives.Divide(m, tmp, tmp);                   // m / (√v̂ + ε)
            if (decoupledDecay) TensorPrimitives.Multiply(theta, decay, theta);   // θ − ηλθ (decoupled)
            TensorPrimitives.MultiplyAdd(tmp, -stepSize, theta, theta);          // − η m̂ / (√v̂ + ε)
        }
    }
}
