namespace Cert.Technical;

/// <summary>
/// T2 variant amsgrad: Adam whose second moment never shrinks, v̂ₜ = max(v̂ₜ₋₁, vₜ);
/// θ ← θ − η (m/(1 − β₁ᵗ)) / (√(v̂/(1 − β₂ᵗ)) + ε) (PyTorch's amsgrad=True).
/// </summary>
/// <remarks>State (m, v, v̂, step count) per Parameter object; Step reads Grad and never changes it.</remarks>
public sealed class AmsGrad(double lr, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    private readonly Dictionary<Parameter, (double[] M, double[] V, double[] VMax, int T)> _state = new(ReferenceEqualityComparer.Instance);

    public double LearningRate { get; set; } = lr;

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            var n = p.Value.Length;
            var (m, v, vMax, t) = _state.TryGetValue(p, out var s) ? s : (new double[n], new double[n], new double[n], 0);
            t++;
            var theta = p.Value.Span;
            var g = p.Grad.Span;
            double c1 = 1 - Math.Pow(beta1, t), c2 = 1 - Math.Pow(beta2, t);
            for (int i = 0; i < n; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                vMax[i] = Math.Max(vMax[i], v[i]);
                theta[i] -= LearningRate * (m[i] / c1) / (Math.Sqrt(vMax[i] / c2) + epsilon);
            }
            _state[p] = (m, v, vMax, t);
        }
    }
}
