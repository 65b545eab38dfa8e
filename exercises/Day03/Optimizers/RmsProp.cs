namespace Course.Day03;

/// <summary>RMSProp: <c>h ← ρh + (1 − ρ)g²; θ ← θ − η·g / (√h + ε)</c>, elementwise, h = 0 at the start (lesson §3.4).</summary>
/// <remarks>
/// An exponential moving average instead of AdaGrad's ever-growing sum, so the effective rate does not decay to 0.
/// With h starting at 0 the first step is η·g / (√(1 − ρ)·|g|) = 10η for ρ = 0.99: the bias Adam corrects.
/// </remarks>
public sealed class RmsProp : IOptimizer
{
    public RmsProp(double learningRate, double decay = 0.99, double epsilon = 1e-7)
    {
        LearningRate = learningRate;
        Decay = decay;
        Epsilon = epsilon;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    private double Decay { get; }

    private double Epsilon { get; }

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException(
            $"RmsProp.Step: keep h per Parameter object; per element h ← ρh + (1 − ρ)g² (ρ = {Decay}), θ ← θ − η·g / (√h + ε) " +
            $"with ε = {Epsilon} outside the root; update p.Value in place, never p.Grad (lesson §3.4).");
}
