namespace Course.Day03;

/// <summary>
/// Cosine annealing: <c>η_t = η_min + ½(η₀ − η_min)(1 + cos(πt/T))</c> for t &lt; T and η_min from t = T on (lesson §3.7).
/// </summary>
public sealed class CosineAnnealing : ILrSchedule
{
    public CosineAnnealing(double baseLr, double minLr, int totalSteps)
    {
        BaseLr = baseLr;
        MinLr = minLr;
        TotalSteps = totalSteps;
    }

    private double BaseLr { get; }

    private double MinLr { get; }

    private int TotalSteps { get; }

    public double At(int step) =>
        throw new NotImplementedException(
            $"CosineAnnealing.At: return η_min + ½(η₀ − η_min)(1 + cos(π·t/T)) for t < T and η_min for t ≥ T " +
            $"(η₀ = {BaseLr}, η_min = {MinLr}, T = {TotalSteps}) (lesson §3.7).");
}
