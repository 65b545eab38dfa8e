namespace Cert.Technical;

/// <summary>
/// T2 variant rmsprop-momentum: v ← ρv + (1 − ρ)g², b ← μb + g/(√v + ε), θ ← θ − ηb (the momentum buffer holds the
/// scaled step, as in PyTorch's RMSprop with momentum).
/// </summary>
/// <remarks>State (v, b) per Parameter object; Step reads Grad and never changes it.</remarks>
public sealed class RmsPropMomentum(double lr, double decay = 0.99, double momentum = 0.9, double epsilon = 1e-8) : IOptimizer
{
    private readonly Dictionary<Parameter, (double[] V, double[] B)> _state = new(ReferenceEqualityComparer.Instance);

    public double LearningRate { get; set; } = lr;

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            if (!_state.TryGetValue(p, out var s)) _state[p] = s = (new double[p.Value.Length], new double[p.Value.Length]);
            var theta = p.Value.Span;
            var g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
            {
                s.V[i] = decay * s.V[i] + (1 - decay) * g[i] * g[i];
                s.B[i] = momentum * s.B[i] + g[i] / (Math.Sqrt(s.V[i]) + epsilon);
                theta[i] -= LearningRate * s.B[i];
            }
        }
    }
}
