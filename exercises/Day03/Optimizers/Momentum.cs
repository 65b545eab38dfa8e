namespace Course.Day03;

/// <summary>Momentum SGD: <c>v ← αv − η·g; θ ← θ + v</c> with v = 0 at the start (lesson §3.2).</summary>
/// <remarks>One velocity per parameter, keyed by the <see cref="Parameter"/> object and shaped like its Value.</remarks>
public sealed class Momentum : IOptimizer
{
    public Momentum(double learningRate, double momentum = 0.9)
    {
        LearningRate = learningRate;
        Alpha = momentum;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    private double Alpha { get; }

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException(
            $"Momentum.Step: keep a velocity v (zeros shaped like p.Value) per Parameter object (a Dictionary<Parameter, Tensor>), " +
            $"then per element v ← αv − η·g and θ ← θ + v (α = {Alpha}, minus sign on η·g); update p.Value in place, never p.Grad (lesson §3.2).");
}
