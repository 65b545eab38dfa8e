namespace Course.Day03;

/// <summary>AdaGrad: <c>h ← h + g²; θ ← θ − η·g / (√h + ε)</c>, elementwise, h = 0 at the start (lesson §3.4).</summary>
/// <remarks>ε sits outside the square root (the book's and PyTorch's form). One h per parameter, keyed by the Parameter.</remarks>
public sealed class AdaGrad : IOptimizer
{
    public AdaGrad(double learningRate, double epsilon = 1e-7)
    {
        LearningRate = learningRate;
        Epsilon = epsilon;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    private double Epsilon { get; }

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException(
            $"AdaGrad.Step: keep h (zeros shaped like p.Value) per Parameter object; per element h ← h + g², θ ← θ − η·g / (√h + ε) " +
            $"with ε = {Epsilon} OUTSIDE the root; update p.Value in place, never p.Grad (lesson §3.4).");
}
