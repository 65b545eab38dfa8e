namespace Cert.Technical;

/// <summary>
/// T2 variant adamw: Adam with decoupled weight decay, θ ← θ − η(m̂/(√v̂ + ε) + λθ). The decay never enters m or v —
/// that is the difference from Adam with an L2 term added to the gradient.
/// </summary>
/// <remarks>State (m, v, step count) per Parameter object; Step reads Grad and never changes it.</remarks>
public sealed class AdamW(double lr, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    private readonly Dictionary<Parameter, (double[] M, double[] V, int T)> _state = new(ReferenceEqualityComparer.Instance);

    public double LearningRate { get; set; } = lr;
    public double WeightDecay { get; } = weightDecay;

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            var (m, v, t) = _state.TryGetValue(p, out var s) ? s : (new double[p.Value.Length], new double[p.Value.Length], 0);
            t++;
            var theta = p.Value.Span;
            var g = p.Grad.Span;
            double c1 = 1 - Math.Pow(beta1, t), c2 = 1 - Math.Pow(beta2, t);
            for (int i = 0; i < theta.Length; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                theta[i] -= LearningRate * (m[i] / c1 / (Math.Sqrt(v[i] / c2) + epsilon) + WeightDecay * theta[i]);
            }
            _state[p] = (m, v, t);
        }
    }
}
