namespace Course.Engine.Optimizers;

/// <summary>Linear warm-up in front of another schedule: η(t) = after(W)·(t + 1)/W for t &lt; W, then after(t).</summary>
/// <remarks>Step 0 already trains (1/W of the target rate), and step W−1 reaches after(W) exactly.</remarks>
public sealed class WarmUp : ILrSchedule
{
    public WarmUp(ILrSchedule after, int warmupSteps)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (warmupSteps <= 0) throw new ArgumentOutOfRangeException(nameof(warmupSteps), $"WarmUp: warmupSteps must be positive, got {warmupSteps}.");
        (After, WarmupSteps) = (after, warmupSteps);
    }

    public ILrSchedule After { get; }
    public int WarmupSteps { get; }

    public double At(int step) => step < WarmupSteps
        ? After.At(WarmupSteps) * (Math.Max(0, step) + 1) / WarmupSteps
        : After.At(step);
}
