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
    public static (double[] V, int[] Policy, int Sweeps) Solve(ITabularMdp mdp, double gamma, double theta)
    {
        if (theta <= 0) throw new ArgumentOutOfRangeException(nameof(theta), $"ValueIteration: theta must be positive, got {theta}.");
        int n = mdp.States;
        var v = new double[n];
        for (int s = 0; s < n; s++) v[s] = mdp.IsTerminal(s) ? mdp.TerminalValue(s) : 0.0;
        var next = new double[n];
        for (int sweep = 1; sweep <= MaxSweeps; sweep++)
        {
            double delta = 0;
            for (int s = 0; s < n; s++)
            {
                if (mdp.IsTerminal(s)) { next[s] = v[s]; continue; }
                double best = double.NegativeInfinity;
                for (int a = 0; a < mdp.Actions; a++) best = Math.Max(best, ActionValue(mdp, v, s, a, gamma));
                next[s] = best;
                delta = Math.Max(delta, Math.Abs(best - v[s]));
            }
            (v, next) = (next, v);
            if (delta < theta)
            {
                var policy = new int[n];
                for (int s = 0; s < n; s++) policy[s] = GreedyAction(mdp, v, s, gamma);
                return (v, policy, sweep);
            }
        }
        throw new InvalidOperationException(
            $"ValueIteration: no convergence after {MaxSweeps} sweeps (γ = {gamma}); with γ ≥ 1 every policy must reach a terminal state.");
    }

    /// <summary>Action values closer than this to the best count as ties, so rounding cannot pick between equal moves.</summary>
    private const double TieTolerance = 1e-9;

    /// <summary>Q(s, a) = R(s) + γ Σ P(s'|s, a) V(s').</summary>
    private static double ActionValue(ITabularMdp mdp, double[] v, int s, int a, double gamma)
    {
        double sum = 0;
        foreach (var (next, p) in mdp.Transitions(s, a)) sum += p * v[next];
        return mdp.Reward(s) + gamma * sum;
    }

    /// <summary>The greedy action w.r.t. V (lowest index among ties); 0 for terminal states.</summary>
    private static int GreedyAction(ITabularMdp mdp, double[] v, int s, double gamma)
    {
        if (mdp.IsTerminal(s)) return 0;
        int best = 0;
        double bestQ = ActionValue(mdp, v, s, 0, gamma);
        for (int a = 1; a < mdp.Actions; a++)
        {
            double q = ActionValue(mdp, v, s, a, gamma);
            if (q > bestQ + TieTolerance) { best = a; bestQ = q; }
        }
        return best;
    }
}
