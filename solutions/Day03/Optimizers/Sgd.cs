namespace Course.Day03;

/// <summary>Stochastic gradient descent: <c>θ ← θ − η·g</c> (lesson §3.1).</summary>
/// <remarks>Stateless. Updates every <see cref="Parameter"/>'s Value in place and only reads Grad.</remarks>
public sealed class Sgd : IOptimizer
{
    public Sgd(double learningRate) => LearningRate = learningRate;

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            if (p.Grad.Length != p.Value.Length)
                throw new ArgumentException($"Sgd.Step: parameter '{p.Name}' has value {p.Value.ShapeString} but gradient {p.Grad.ShapeString}.");

            Span<double> theta = p.Value.Span;
            ReadOnlySpan<double> g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
                theta[i] -= LearningRate * g[i];
        }
    }
}
