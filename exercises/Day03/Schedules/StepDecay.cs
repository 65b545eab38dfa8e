namespace Course.Day03;

/// <summary>Step decay: <c>η_t = η₀·γ^⌊t / stepSize⌋</c> (lesson §3.7). t is the 0-based step.</summary>
public sealed class StepDecay : ILrSchedule
{
    public StepDecay(double baseLr, int stepSize, double gamma)
    {
        BaseLr = baseLr;
        StepSize = stepSize;
        Gamma = gamma;
    }

    private double BaseLr { get; }

    private int StepSize { get; }

    private double Gamma { get; }

    public double At(int step) =>
        throw new NotImplementedException(
            $"StepDecay.At: return η₀·γ^⌊t / stepSize⌋ (η₀ = {BaseLr}, stepSize = {StepSize}, γ = {Gamma}; integer division, " +
            "t is 0-based, so steps 0 … stepSize − 1 use η₀) (lesson §3.7).");
}
