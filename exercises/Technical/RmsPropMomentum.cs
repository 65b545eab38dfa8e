namespace Cert.Technical;

/// <summary>T2: RMSProp with momentum — v ← ρv + (1 − ρ)g², b ← μb + g/(√v + ε), θ ← θ − ηb.</summary>
/// <remarks>Keep v and b per Parameter object; Step reads Grad and never changes it.</remarks>
public sealed class RmsPropMomentum(double lr, double decay = 0.99, double momentum = 0.9, double epsilon = 1e-8) : IOptimizer
{
    public double LearningRate { get; set; } = lr;

    public void Step(IReadOnlyList<Parameter> parameters) =>
        throw new NotImplementedException($"RmsPropMomentum.Step: per element v = ρv + (1 − ρ)g², b = μb + g/(√v + ε), θ −= η·b (ρ = {decay}, μ = {momentum}, ε = {epsilon}).");
}
