namespace Course.Day03;

/// <summary>Momentum SGD: <c>v ← αv − η·g; θ ← θ + v</c> with v = 0 at the start (lesson §3.2).</summary>
/// <remarks>One velocity per parameter, keyed by the <see cref="Parameter"/> object and shaped like its Value.</remarks>
public sealed class Momentum : IOptimizer
{
    private double Alpha { get; }
    private readonly Dictionary<Parameter, Tensor> _velocity = [];

    public Momentum(double learningRate, double momentum = 0.9)
    {
        LearningRate = learningRate;
        Alpha = momentum;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            if (p.Grad.Length != p.Value.Length)
                throw new ArgumentException($"Momentum.Step: parameter '{p.Name}' has value {p.Value.ShapeString} but gradient {p.Grad.ShapeString}.");
            if (!_velocity.TryGetValue(p, out var velocity))
                _velocity[p] = velocity = Tensor.ZerosLike(p.Value);

            Span<double> theta = p.Value.Span, v = velocity.Span;
            ReadOnlySpan<double> g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
            {
                v[i] = Alpha * v[i] - LearningRate * g[i];
                theta[i] += v[i];
            }
        }
    }
}
