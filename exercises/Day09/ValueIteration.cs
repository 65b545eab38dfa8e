namespace Course.Day09;

/// <summary>Exercise 9.3 — value iteration: repeated Bellman optimality backups (lesson §9.3).</summary>
public static class ValueIteration
{
    /// <summary>Sweeps after which <see cref="Solve"/> gives up: an MDP that never ends with γ ≥ 1 has no fixed point.</summary>
    public const int MaxSweeps = 100_000;

    /// <summary>
    /// Synchronous sweeps V ← R(s) + γ maxₐ Σ P(s'|s, a) V(s') over the non-terminal states (terminal states keep their
    /// <see cref="ITabularMdp.TerminalValue"/>), starting from V = 0, until max |ΔV| &lt; <paramref name="theta"/>.
    /// Returns V, the greedy policy w.r.t. V (ties → lowest action index; 0 in terminal states) and the number of sweeps.
    /// Throws <see cref="InvalidOperationException"/> after <see cref="MaxSweeps"/> sweeps without convergence.
    /// </summary>
    public static (double[] V, int[] Policy, int Sweeps) Solve(ITabularMdp mdp, double gamma, double theta) =>
        throw new NotImplementedException(
            "ValueIteration.Solve: Bellman optimality backup R(s) + γ·maxₐ Σ P·V(s') for every state from the OLD V, until the largest change is below θ; the policy is greedy on the same backup, not on the reward alone (lesson §9.3).");
}
