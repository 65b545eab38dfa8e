namespace Course.Engine.Optimizers;

/// <summary>Step decay: η(t) = base · γ^⌊t / stepSize⌋ (t = 0-based step).</summary>
public sealed class StepDecay : ILrSchedule
{
    public StepDecay(double baseLr, int stepSize, double gamma)
    {
        if (stepSize <= 0) throw new ArgumentOutOfRangeException(nameof(stepSize), $"StepDecay: stepSize must be positive, got {stepSize}.");
        (BaseLr, StepSize, Gamma) = (baseLr, stepSize, gamma);
    }

    public double BaseLr { get; }
    public int StepSize { get; }
    public double Gamma { get; }

    public double At(int step) => BaseLr * Math.Pow(Gamma, Math.Max(0, step) / StepSize);
}
