namespace Course.Day09;

/// <summary>Exercise 9.5 — tabular Q-learning and SARSA with ε-greedy exploration (lesson §9.5).</summary>
public static class Tabular
{
    /// <summary>
    /// With probability ε a uniformly random action, otherwise argmaxₐ Q(s, a) (ties → lowest index). Draws one uniform
    /// number, plus one integer when exploring.
    /// </summary>
    public static int EpsilonGreedy(double[,] q, int s, double epsilon, Rng rng) =>
        throw new NotImplementedException(
            "Tabular.EpsilonGreedy: one uniform draw decides explore (random action) or exploit (argmax, lowest index on ties) (lesson §9.5).");

    /// <summary>Q(s,a) += α (r + γ (1 − done) maxₐ' Q(s',a') − Q(s,a)): off-policy, the target uses the best next action.</summary>
    public static void QLearningUpdate(double[,] q, int s, int a, double r, int s2, bool done, double alpha, double gamma) =>
        throw new NotImplementedException(
            "Tabular.QLearningUpdate: TD target r + γ·max over Q(s', ·), with no future term when done (lesson §9.5).");

    /// <summary>Q(s,a) += α (r + γ (1 − done) Q(s',a') − Q(s,a)) with a' the action actually taken next: on-policy.</summary>
    public static void SarsaUpdate(double[,] q, int s, int a, double r, int s2, int a2, bool done, double alpha, double gamma) =>
        throw new NotImplementedException(
            "Tabular.SarsaUpdate: TD target r + γ·Q(s', a') with a' the action really taken next — not the max (lesson §9.5).");

    /// <summary>
    /// Q-learning on an environment with one-hot observations (state = argmax of the observation), Q starting at 0.
    /// Each episode: Reset(rng), ε-greedy actions with <paramref name="rng"/>, one update per step; only a terminal step
    /// (not a truncated one) drops the bootstrap term. Returns Q [ObservationSize, ActionCount].
    /// </summary>
    public static double[,] TrainQLearning(IEnvironment env, int episodes, double alpha, double gamma, double epsilon, Rng rng) =>
        throw new NotImplementedException(
            "Tabular.TrainQLearning: Reset, then act ε-greedily, Step, update, until the episode ends; repeat for every episode (lesson §9.5).");
}
