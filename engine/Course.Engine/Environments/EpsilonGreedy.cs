namespace Course.Engine.Environments;

/// <summary>ε-greedy action selection and a linear ε schedule.</summary>
public static class EpsilonGreedy
{
    /// <summary>
    /// With probability ε a uniformly random action, else the greedy one (ties → lowest index).
    /// Draws exactly one uniform number, plus one integer when exploring.
    /// </summary>
    public static int Select(ReadOnlySpan<double> q, double epsilon, Rng rng)
    {
        if (q.IsEmpty) throw new ArgumentException("EpsilonGreedy.Select: no action values.");
        if (rng.NextDouble() < epsilon) return rng.NextInt(q.Length);
        return Greedy(q);
    }

    /// <summary>Index of the largest value, the lowest index on ties.</summary>
    public static int Greedy(ReadOnlySpan<double> q)
    {
        int best = 0;
        for (int a = 1; a < q.Length; a++) if (q[a] > q[best]) best = a;
        return best;
    }

    /// <summary>ε decaying linearly from <paramref name="start"/> to <paramref name="end"/> over <paramref name="decaySteps"/>, then constant.</summary>
    public static double Linear(int step, double start, double end, int decaySteps)
        => step >= decaySteps ? end : start + (end - start) * step / decaySteps;
}
