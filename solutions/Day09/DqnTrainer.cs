using Course.Engine.Optimizers;

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
    public static Dqn Run(IEnvironment env, int steps, int syncEvery, double gamma, Rng rng)
    {
        if (syncEvery < 1) throw new ArgumentOutOfRangeException(nameof(syncEvery), $"DqnTrainer: syncEvery must be positive, got {syncEvery}.");
        var dqn = new Dqn(env.ObservationSize, env.ActionCount, rng.Fork("init"));
        Rng envRng = rng.Fork("env"), actRng = rng.Fork("act"), replayRng = rng.Fork("replay");
        var buffer = new ReplayBuffer(BufferCapacity, env.ObservationSize);
        var opt = new Adam<double>(LearningRate);
        var obs = env.Reset(envRng);
        for (int step = 0; step < steps; step++)
        {
            double epsilon = step >= EpsilonDecaySteps ? EpsilonEnd : EpsilonStart + (EpsilonEnd - EpsilonStart) * step / EpsilonDecaySteps;
            int a = dqn.Act(obs, epsilon, actRng);
            var result = env.Step(a);
            buffer.Add(obs, a, result.Reward, result.Observation, result.Terminated);
            obs = result.Done ? env.Reset(envRng) : result.Observation;
            if (buffer.Count >= BatchSize) dqn.TrainStep(buffer.Sample(BatchSize, replayRng), gamma, opt);
            if ((step + 1) % syncEvery == 0) dqn.SyncTarget();
        }
        return dqn;
    }
}
