namespace Course.Day09;

/// <summary>Greedy action choice shared by the dynamic-programming exercises.</summary>
internal static class Greedy
{
    /// <summary>Action values closer than this to the best count as ties, so rounding cannot pick between equal moves.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>Q(s, a) = R(s) + γ Σ P(s'|s, a) V(s').</summary>
    public static double ActionValue(ITabularMdp mdp, double[] v, int s, int a, double gamma)
    {
        double sum = 0;
        foreach (var (next, p) in mdp.Transitions(s, a)) sum += p * v[next];
        return mdp.Reward(s) + gamma * sum;
    }

    /// <summary>The greedy action w.r.t. V (lowest index among ties); 0 for terminal states.</summary>
    public static int Action(ITabularMdp mdp, double[] v, int s, double gamma)
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
