using Course.Engine.Data;
using Course.Engine.Layers;

namespace Course.Day03;

/// <summary>Trains one network per optimiser under identical conditions and records the loss curves (lesson §3.13).</summary>
public static class OptimizerComparison
{
    private const int Hidden = 100;

    /// <summary>
    /// Trains the engine's inputs-100-classes ReLU net (Affine-Relu-Affine, He init, SoftmaxWithLoss) once per entry of
    /// <paramref name="optimizers"/>. Every run forks its streams from <paramref name="rng"/> the same way ("init",
    /// "shuffle"), so all runs start from identical weights and see identical batches; only the optimiser differs.
    /// Returns, per name, the mean training loss (mean over that epoch's batches) of each epoch: double[epochs].
    /// </summary>
    public static IReadOnlyDictionary<string, double[]> Run(Dataset train, IReadOnlyDictionary<string, Func<IOptimizer>> optimizers,
        int epochs, int batchSize, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        int inputs = train.X.Dim(1), classes = train.Y.Max() + 1;

        var curves = new Dictionary<string, double[]>();
        foreach (var (name, createOptimizer) in optimizers)
        {
            var initRng = rng.Fork("init");        // Fork does not advance rng: every run gets the same weights
            var shuffleRng = rng.Fork("shuffle");  // … and the same batch order
            var net = new Sequential<double>(
                new Affine<double>(inputs, Hidden, initRng, Course.Engine.Layers.WeightInit.He),
                new Relu<double>(),
                new Affine<double>(Hidden, classes, initRng, Course.Engine.Layers.WeightInit.He));
            var loss = new SoftmaxWithLoss<double>();
            var optimizer = createOptimizer();

            var curve = new double[epochs];
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                double sum = 0;
                int batches = 0;
                foreach (var batch in train.Batches(batchSize, shuffleRng))
                {
                    sum += loss.Forward(net.Forward(batch.X), batch.Y);
                    net.Backward(loss.Backward());
                    optimizer.Step(net.Parameters);
                    batches++;
                }
                curve[epoch] = sum / batches;
            }
            curves[name] = curve;
        }
        return curves;
    }
}
