namespace Course.Day03;

/// <summary>Step decay: <c>η_t = η₀·γ^⌊t / stepSize⌋</c> (lesson §3.7). t is the 0-based step.</summary>
public sealed class StepDecay : ILrSchedule
{
    private readonly double _baseLr;
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepDecay(double baseLr, int stepSize, double gamma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        _baseLr = baseLr;
        _stepSize = stepSize;
        _gamma = gamma;
    }

    public double At(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return _baseLr * Math.Pow(_gamma, step / _stepSize);
    }
}
