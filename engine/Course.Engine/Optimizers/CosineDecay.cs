namespace Course.Engine.Optimizers;

/// <summary>Cosine annealing: η(t) = min + ½(base − min)(1 + cos(πt/T)) for t &lt; T, and min for t ≥ T.</summary>
public sealed class CosineDecay : ILrSchedule
{
    public CosineDecay(double baseLr, double minLr, int totalSteps)
    {
        if (totalSteps <= 0) throw new ArgumentOutOfRangeException(nameof(totalSteps), $"CosineDecay: totalSteps must be positive, got {totalSteps}.");
        (BaseLr, MinLr, TotalSteps) = (baseLr, minLr, totalSteps);
    }

    public double BaseLr { get; }
    public double MinLr { get; }
    public int TotalSteps { get; }

    public double At(int step) => step >= TotalSteps
        ? MinLr
        : MinLr + 0.5 * (BaseLr - MinLr) * (1 + Math.Cos(Math.PI * Math.Max(0, step) / TotalSteps));
}
