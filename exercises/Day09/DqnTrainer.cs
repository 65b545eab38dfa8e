namespace Course.Day09;

/// <summary>Exercise 9.7 — the DQN interaction loop: act, store, replay, train, sync (lesson §9.7).</summary>
public static class DqnTrainer
{
    public const int BufferCapacity = 2_000;
    public const int BatchSize = 32;
    public const int EpsilonDecaySteps = 1_000;
    public const double EpsilonStart = 1.0, EpsilonEnd = 0.1;
    public const double LearningRate = 1e-2;

    /// <summary>
    /// Runs <paramref name="steps"/> environment steps: ε linear 1 → 0.1 over 1,000 steps, replay buffer 2,000, batch 32,
    /// Adam 1e-2, one <see cref="Dqn.TrainStep"/> per step once 32 items are stored, <see cref="Dqn.SyncTarget"/> every
    /// <paramref name="syncEvery"/> steps. Only Terminated marks a transition done (a truncated episode still bootstraps).
    /// Streams forked from <paramref name="rng"/>: "init", "env", "act", "replay".
    /// </summary>
    public static Dqn Run(IEnvironment env, int steps, int syncEvery, double gamma, Rng rng) =>
        throw new NotImplementedException(
            "DqnTrainer.Run: act ε-greedily, store in your ReplayBuffer, train on a sampled batch every step, sync the target every syncEvery steps (lesson §9.7).");
}
