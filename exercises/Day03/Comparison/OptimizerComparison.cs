using Course.Engine.Data;
using Course.Engine.Layers;

namespace Course.Day03;

/// <summary>Trains one network per optimiser under identical conditions and records the loss curves (lesson §3.13).</summary>
public static class OptimizerComparison
{
    /// <summary>
    /// Trains the engine's inputs-100-classes ReLU net (Affine-Relu-Affine, He init, SoftmaxWithLoss) once per entry of
    /// <paramref name="optimizers"/>. Every run forks its streams from <paramref name="rng"/> the same way ("init",
    /// "shuffle"), so all runs start from identical weights and see identical batches; only the optimiser differs.
    /// Returns, per name, the mean training loss (mean over that epoch's batches) of each epoch: double[epochs].
    /// </summary>
    public static IReadOnlyDictionary<string, double[]> Run(Dataset train, IReadOnlyDictionary<string, Func<IOptimizer>> optimizers,
        int epochs, int batchSize, Rng rng) =>
        throw new NotImplementedException(
            "OptimizerComparison.Run: per entry, build new Sequential<double>(new Affine<double>(64, 100, initRng, " +
            "Course.Engine.Layers.WeightInit.He), new Relu<double>(), new Affine<double>(100, 10, initRng, …He)) with " +
            "initRng = rng.Fork(\"init\") and batches from train.Batches(batchSize, rng.Fork(\"shuffle\")) — forks, so every run " +
            "is identical but for the optimiser; per batch: SoftmaxWithLoss forward, backward, optimizer.Step(net.Parameters). " +
            "Return name → double[epochs] of mean batch losses (lesson §3.13).");
}
