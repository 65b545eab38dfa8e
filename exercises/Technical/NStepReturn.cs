namespace Cert.Technical;

/// <summary>T5: n-step return Gₜ = Σₖ₌₀^{m−1} γᵏ rₜ₊ₖ + γᵐ V(sₜ₊ₘ), m = min(n, T − t).</summary>
/// <remarks>rewards r₀ … r_{T−1}; values V(s₀) … V(s_T) (T + 1 entries). When <c>terminal</c> is true, s_T ends the
/// episode and its value is never bootstrapped.</remarks>
public static class NStepReturn
{
    public static double[] Compute(double[] rewards, double[] values, int n, double gamma, bool terminal) =>
        throw new NotImplementedException("NStepReturn.Compute: for each t sum at most n discounted rewards, stopping at the trajectory's end; then add γ^m·V(s_{t+m}) unless s_{t+m} is the terminal end.");
}
