namespace Course.Day03;

/// <summary>Stochastic gradient descent: <c>θ ← θ − η·g</c> (lesson §3.1).</summary>
/// <remarks>Stateless. Updates every <see cref="Parameter"/>'s Value in place and only reads Grad.</remarks>
public sealed class Sgd : IOptimizer
{
    public Sgd(double learningRate) => LearningRate = learningRate;

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException(
            "Sgd.Step: for every parameter p, update p.Value in place (p.Value.Span) by θ ← θ − η·g with g = p.Grad; " +
            "keep Value's shape and never write to p.Grad (lesson §3.1).");
}
