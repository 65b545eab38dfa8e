namespace Course.Day09;

/// <summary>Exercise 9.5 — tabular Q-learning and SARSA with ε-greedy exploration (lesson §9.5).</summary>
public static class Tabular
{
    /// <summary>
    /// With probability ε a uniformly random action, otherwise argmaxₐ Q(s, a) (ties → lowest index). Draws one uniform
    /// number, plus one integer when exploring.
    /// </summary>
    public static int EpsilonGreedy(double[,] q, int s, double epsilon, Rng rng)
    {
        int actions = q.GetLength(1);
        if (rng.NextDouble() < epsilon) return rng.NextInt(actions);
        return Argmax(q, s);
    }

    /// <summary>Q(s,a) += α (r + γ (1 − done) maxₐ' Q(s',a') − Q(s,a)): off-policy, the target uses the best next action.</summary>
    public static void QLearningUpdate(double[,] q, int s, int a, double r, int s2, bool done, double alpha, double gamma)
    {
        double target = r + (done ? 0.0 : gamma * q[s2, Argmax(q, s2)]);
        q[s, a] += alpha * (target - q[s, a]);
    }

    /// <summary>Q(s,a) += α (r + γ (1 − done) Q(s',a') − Q(s,a)) with a' the action actually taken next: on-policy.</summary>
    public static void SarsaUpdate(double[,] q, int s, int a, double r, int s2, int a2, bool done, double alpha, double gamma)
    {
        double target = r + (done ? 0.0 : gamma * q[s2, a2]);
        q[s, a] += alpha * (target - q[s, a]);
    }

    /// <summary>
    /// Q-learning on an environment with one-hot observations (state = argmax of the observation), Q starting at 0.
    /// Each episode: Reset(rng), ε-greedy actions with <paramref name="rng"/>, one update per step; only a terminal step
    /// (not a truncated one) drops the bootstrap term. Returns Q [ObservationSize, ActionCount].
    /// </summary>
    public static double[,] TrainQLearning(IEnvironment env, int episodes, double alpha, double gamma, double epsilon, Rng rng)
    {
        var q = new double[env.ObservationSize, env.ActionCount];
        for (int e = 0; e < episodes; e++)
        {
            int s = StateOf(env.Reset(rng));
            while (true)
            {
                int a = EpsilonGreedy(q, s, epsilon, rng);
                var step = env.Step(a);
                int s2 = StateOf(step.Observation);
                QLearningUpdate(q, s, a, step.Reward, s2, step.Terminated, alpha, gamma);
                if (step.Done) break;
                s = s2;
            }
        }
        return q;
    }

    private static int Argmax(double[,] q, int s)
    {
        int best = 0;
        for (int a = 1; a < q.GetLength(1); a++) if (q[s, a] > q[s, best]) best = a;
        return best;
    }

    private static int StateOf(Tensor oneHot)
    {
        var o = oneHot.Span;
        int best = 0;
        for (int i = 1; i < o.Length; i++) if (o[i] > o[best]) best = i;
        return best;
    }
}
