namespace Course.Day03;

/// <summary>Nesterov's accelerated gradient in PyTorch's form: <c>v ← αv − η·g; θ ← θ + αv − η·g</c> (new v) (lesson §3.3).</summary>
/// <remarks>
/// The look-ahead method evaluates the gradient at θ̃ + αv. Substituting θ = θ̃ + αv gives the recursion above, whose
/// gradient is taken at the stored θ, so Nesterov fits the same <see cref="IOptimizer"/> contract as Momentum.
/// The book's class (θ ← θ + α²v − (1 + α)η·g with the new v) is a different recursion.
/// </remarks>
public sealed class Nesterov : IOptimizer
{
    public Nesterov(double learningRate, double momentum = 0.9)
    {
        LearningRate = learningRate;
        Alpha = momentum;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    private double Alpha { get; }

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException(
            $"Nesterov.Step: keep a velocity v per Parameter object; per element v ← αv − η·g, then θ ← θ + αv − η·g using the NEW v " +
            $"(α = {Alpha}; not the book's α²v − (1 + α)η·g); update p.Value in place, never p.Grad (lesson §3.3).");
}
