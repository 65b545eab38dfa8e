namespace Course.Day03;

/// <summary>
/// Cosine annealing: <c>η_t = η_min + ½(η₀ − η_min)(1 + cos(πt/T))</c> for t &lt; T and η_min from t = T on (lesson §3.7).
/// </summary>
public sealed class CosineAnnealing : ILrSchedule
{
    private readonly double _baseLr;
    private readonly double _minLr;
    private readonly int _totalSteps;

    public CosineAnnealing(double baseLr, double minLr, int totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        _baseLr = baseLr;
        _minLr = minLr;
        _totalSteps = totalSteps;
    }

    public double At(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step >= _totalSteps) return _minLr;
        return _minLr + 0.5 * (_baseLr - _minLr) * (1 + Math.Cos(Math.PI * step / _totalSteps));
    }
}
