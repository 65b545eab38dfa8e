namespace Cert.Technical;

/// <summary>
/// T5 variant n-step: Gₜ = Σₖ₌₀^{m−1} γᵏ rₜ₊ₖ + γᵐ V(sₜ₊ₘ) with m = min(n, T − t) — the sum is cut at the end of the
/// trajectory, and when the trajectory ended in a terminal state nothing is bootstrapped past it.
/// </summary>
public static class NStepReturn
{
    /// <param name="rewards">r₀ … r_{T−1}.</param>
    /// <param name="values">V(s₀) … V(s_T): T + 1 values, the last one for the state after the last reward.</param>
    /// <param name="terminal">Whether s_T is terminal (then V(s_T) is never used).</param>
    public static double[] Compute(double[] rewards, double[] values, int n, double gamma, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(values);
        int steps = rewards.Length;
        if (values.Length != steps + 1) throw new ArgumentException($"NStepReturn: expected {steps + 1} values (one per state incl. the last), got {values.Length}.");
        if (n < 1) throw new ArgumentException($"NStepReturn: n must be ≥ 1, got {n}.");
        var g = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            int m = Math.Min(n, steps - t);
            double sum = 0, discount = 1;
            for (int k = 0; k < m; k++)
            {
                sum += discount * rewards[t + k];
                discount *= gamma;
            }
            bool pastEnd = t + m == steps && terminal;
            g[t] = pastEnd ? sum : sum + discount * values[t + m];
        }
        return g;
    }
}
