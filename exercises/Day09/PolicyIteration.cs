namespace Course.Day09;

/// <summary>Exercise 9.4 — iterative policy evaluation and policy iteration (lesson §9.4).</summary>
public static class PolicyIteration
{
    /// <summary>Sweeps after which evaluation gives up (an improper policy with γ ≥ 1 never converges).</summary>
    public const int MaxSweeps = 100_000;

    /// <summary>Improvement rounds after which <see cref="Solve"/> gives up.</summary>
    public const int MaxIterations = 1_000;

    /// <summary>
    /// V^π by synchronous sweeps V ← Σₐ π(a|s) (R(s) + γ Σ P(s'|s, a) V(s')) from V = 0 (terminal states fixed at their
    /// value) until max |ΔV| &lt; <paramref name="theta"/>. <paramref name="policy"/>[s, a] = π(a|s), shape [States, Actions].
    /// </summary>
    public static double[] Evaluate(ITabularMdp mdp, double[,] policy, double gamma, double theta) =>
        throw new NotImplementedException(
            "PolicyIteration.Evaluate: the Bellman EXPECTATION backup — average the action values with the weights π(a|s), no max (lesson §9.4).");

    /// <summary>
    /// Policy iteration from the equiprobable random policy (which ends every episode, so γ = 1 is safe): evaluate, make the
    /// policy greedy w.r.t. V (ties → lowest index), repeat until the greedy policy no longer changes. Returns the final V,
    /// the policy and the number of evaluate-improve rounds.
    /// </summary>
    public static (double[] V, int[] Policy, int Iterations) Solve(ITabularMdp mdp, double gamma, double theta) =>
        throw new NotImplementedException(
            "PolicyIteration.Solve: alternate evaluation and greedy improvement w.r.t. the evaluated V; stop when the policy stops changing (lesson §9.4).");
}
