namespace Course.Day09;

/// <summary>Exercise 9.1 — discounted returns and their normalisation (the baseline REINFORCE uses) (lesson §9.1).</summary>
public static class Returns
{
    /// <summary>
    /// Gₜ = rₜ + γ·Gₜ₊₁, computed backwards from the last step. After the last step G is <paramref name="bootstrap"/>
    /// (0 when the episode ended; V(s_T) when it was cut off). An empty episode gives an empty array.
    /// </summary>
    public static double[] Discounted(IReadOnlyList<double> rewards, double gamma, double bootstrap = 0.0)
    {
        var g = new double[rewards.Count];
        double next = bootstrap;
        for (int t = rewards.Count - 1; t >= 0; t--)
        {
            next = rewards[t] + gamma * next;
            g[t] = next;
        }
        return g;
    }

    /// <summary>(g − mean) / (std + 1e-8) with the population std; constant g gives zeros (never NaN), empty gives empty.</summary>
    public static double[] Normalize(double[] g)
    {
        if (g.Length == 0) return [];
        double mean = g.Average();
        double variance = 0;
        foreach (double v in g) variance += (v - mean) * (v - mean);
        double std = Math.Sqrt(variance / g.Length);
        var result = new double[g.Length];
        for (int i = 0; i < g.Length; i++) result[i] = (g[i] - mean) / (std + 1e-8);
        return result;
    }
}
