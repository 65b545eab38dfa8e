namespace Course.Day03;

/// <summary>Nesterov's accelerated gradient in PyTorch's form: <c>v ← αv − η·g; θ ← θ + αv − η·g</c> (new v) (lesson §3.3).</summary>
/// <remarks>
/// The look-ahead method evaluates the gradient at θ̃ + αv. Substituting θ = θ̃ + αv gives the recursion above, whose
/// gradient is taken at the stored θ, so Nesterov fits the same <see cref="IOptimizer"/> contract as Momentum.
/// The book's class (θ ← θ + α²v − (1 + α)η·g with the new v) is a different recursion.
/// </remarks>
public sealed class Nesterov : IOptimizer
{
    private double Alpha { get; }
    private readonly Dictionary<Parameter, Tensor> _velocity = [];

    public Nesterov(double learningRate, double momentum = 0.9)
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
                throw new ArgumentException($"Nesterov.Step: parameter '{p.Name}' has value {p.Value.ShapeString} but gradient {p.Grad.ShapeString}.");
            if (!_velocity.TryGetValue(p, out var velocity))
                _velocity[p] = velocity = Tensor.ZerosLike(p.Value);

            Span<double> theta = p.Value.Span, v = velocity.Span;
            ReadOnlySpan<double> g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
            {
                v[i] = Alpha * v[i] - LearningRate * g[i];
                theta[i] += Alpha * v[i] - LearningRate * g[i];
            }
        }
    }
}
