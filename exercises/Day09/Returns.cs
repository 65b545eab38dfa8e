namespace Course.Day09;

/// <summary>Exercise 9.1 — discounted returns and their normalisation (the baseline REINFORCE uses) (lesson §9.1).</summary>
public static class Returns
{
    /// <summary>
    /// Gₜ = rₜ + γ·Gₜ₊₁, computed backwards from the last step. After the last step G is <paramref name="bootstrap"/>
    /// (0 when the episode ended; V(s_T) when it was cut off). An empty episode gives an empty array.
    /// </summary>
    public static double[] Discounted(IReadOnlyList<double> rewards, double gamma, double bootstrap = 0.0) =>
        throw new NotImplementedException(
            "Returns.Discounted: walk from the LAST step to the first, G = r + γ·G, starting from the bootstrap value (lesson §9.1).");

    /// <summary>(g − mean) / (std + 1e-8) with the population std; constant g gives zeros (never NaN), empty gives empty.</summary>
    public static double[] Normalize(double[] g) =>
        throw new NotImplementedException(
            "Returns.Normalize: subtract the mean and divide by the standard deviation (÷N) plus 1e-8 — the baseline (lesson §9.1).");
}
