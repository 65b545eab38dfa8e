namespace Course.Day03;

/// <summary>
/// Linear warm-up in front of another schedule: <c>η_t = after.At(W)·(t + 1)/W</c> for t &lt; W, then <c>after.At(t)</c>
/// (lesson §3.7). Step W − 1 already reaches after.At(W), so there is no jump when the warm-up ends.
/// </summary>
public sealed class LinearWarmup : ILrSchedule
{
    private readonly ILrSchedule _after;
    private readonly int _warmupSteps;

    public LinearWarmup(ILrSchedule after, int warmupSteps)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        _after = after;
        _warmupSteps = warmupSteps;
    }

    public double At(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return step < _warmupSteps
            ? _after.At(_warmupSteps) * (step + 1) / _warmupSteps
            : _after.At(step);
    }
}
