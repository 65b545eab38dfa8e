namespace Course.Day03;

/// <summary>
/// Linear warm-up in front of another schedule: <c>η_t = after.At(W)·(t + 1)/W</c> for t &lt; W, then <c>after.At(t)</c>
/// (lesson §3.7). Step W − 1 already reaches after.At(W), so there is no jump when the warm-up ends.
/// </summary>
public sealed class LinearWarmup : ILrSchedule
{
    public LinearWarmup(ILrSchedule after, int warmupSteps)
    {
        After = after;
        WarmupSteps = warmupSteps;
    }

    private ILrSchedule After { get; }

    private int WarmupSteps { get; }

    public double At(int step) =>
        throw new NotImplementedException(
            $"LinearWarmup.At: for t < W (W = {WarmupSteps}) return after.At(W)·(t + 1)/W — so t = 0 is not 0 and t = W − 1 " +
            $"reaches after.At(W) — else return after.At(t) ({After.GetType().Name}) (lesson §3.7).");
}
