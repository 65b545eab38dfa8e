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
    public static double[] Evaluate(ITabularMdp mdp, double[,] policy, double gamma, double theta)
    {
        if (policy.GetLength(0) != mdp.States || policy.GetLength(1) != mdp.Actions)
            throw new ArgumentException(
                $"PolicyIteration.Evaluate: policy must have shape ({mdp.States}, {mdp.Actions}), got ({policy.GetLength(0)}, {policy.GetLength(1)}).");
        if (theta <= 0) throw new ArgumentOutOfRangeException(nameof(theta), $"PolicyIteration: theta must be positive, got {theta}.");
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
                double value = 0;
                for (int a = 0; a < mdp.Actions; a++)
                    if (policy[s, a] != 0) value += policy[s, a] * ActionValue(mdp, v, s, a, gamma);
                next[s] = value;
                delta = Math.Max(delta, Math.Abs(value - v[s]));
            }
            (v, next) = (next, v);
            if (delta < theta) return v;
        }
        throw new InvalidOperationException(
            $"PolicyIteration.Evaluate: no convergence after {MaxSweeps} sweeps (γ = {gamma}); the policy may never reach a terminal state.");
    }

    /// <summary>
    /// Policy iteration from the equiprobable random policy (which ends every episode, so γ = 1 is safe): evaluate, make the
    /// policy greedy w.r.t. V (ties → lowest index), repeat until the greedy policy no longer changes. Returns the final V,
    /// the policy and the number of evaluate-improve rounds.
    /// </summary>
    public static (double[] V, int[] Policy, int Iterations) Solve(ITabularMdp mdp, double gamma, double theta)
    {
        int n = mdp.States, k = mdp.Actions;
        var pi = new double[n, k];
        for (int s = 0; s < n; s++) for (int a = 0; a < k; a++) pi[s, a] = 1.0 / k;
        int[]? policy = null;
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var v = Evaluate(mdp, pi, gamma, theta);
            var improved = new int[n];
            for (int s = 0; s < n; s++) improved[s] = GreedyAction(mdp, v, s, gamma);
            if (policy is not null && improved.AsSpan().SequenceEqual(policy)) return (v, policy, iteration);
            policy = improved;
            pi = new double[n, k];
            for (int s = 0; s < n; s++) pi[s, policy[s]] = 1.0;
        }
        throw new InvalidOperationException($"PolicyIteration.Solve: the policy was still changing after {MaxIterations} rounds.");
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
