using Course.Engine.Data;
using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Day02;

/// <summary>The overfitting experiment of lesson §2.1/§2.8: a large net on a tiny training set, with and without regularisation.</summary>
public static class OverfitStudy
{
    public const int BatchSize = 20;
    public const double LearningRate = 0.05;
    public const double MomentumCoefficient = 0.9;

    /// <summary>
    /// Trains a 64-256-256-10 ReLU net (He init, Momentum 0.9, lr 0.05, batch 20, <paramref name="epochs"/> epochs) on
    /// <paramref name="train"/>, with L2 weight decay <paramref name="l2"/> on the weights (not the biases) and, when
    /// <paramref name="dropRatio"/> &gt; 0, a <see cref="DropoutLayer"/> after each hidden ReLU.
    /// Returns the final train/test accuracy, both measured in inference mode, and Σ‖W‖² over the three weight matrices.
    /// </summary>
    /// <param name="rng">Forked into "init", "shuffle" and "dropout" streams.</param>
    public static StudyRow Run(Dataset train, Dataset test, double l2, double dropRatio, Rng rng, int epochs = 200)
    {
        if (l2 < 0) throw new ArgumentOutOfRangeException(nameof(l2), $"OverfitStudy.Run: l2 must be ≥ 0, got {l2}.");
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), $"OverfitStudy.Run: epochs must be ≥ 1, got {epochs}.");
        var init = rng.Fork("init");
        var shuffle = rng.Fork("shuffle");
        var dropout = rng.Fork("dropout");

        int inputs = train.X.Length / train.X.Dim(0);
        var layers = new List<ILayer> { new Affine<double>(inputs, 256, init), new Relu<double>() };
        if (dropRatio > 0) layers.Add(new DropoutLayer(dropRatio, dropout));
        layers.Add(new Affine<double>(256, 256, init));
        layers.Add(new Relu<double>());
        if (dropRatio > 0) layers.Add(new DropoutLayer(dropRatio, dropout));
        layers.Add(new Affine<double>(256, 10, init));

        var parameters = layers.SelectMany(l => l.Parameters).ToList();
        var weights = Penalties.WeightsOnly(parameters).ToList();
        var loss = new SoftmaxWithLoss<double>();
        var optimizer = new Momentum<double>(LearningRate, MomentumCoefficient);

        int n = train.X.Dim(0);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var order = shuffle.Permutation(n);
            for (int start = 0; start < n; start += BatchSize)
            {
                var batch = order.AsSpan(start, Math.Min(BatchSize, n - start));
                var x = train.X.Rows(batch);
                var labels = new int[batch.Length];
                for (int i = 0; i < labels.Length; i++) labels[i] = train.Y[batch[i]];

                foreach (var layer in layers) x = layer.Forward(x, training: true);
                loss.Forward(x, labels);
                var grad = loss.Backward();
                for (int i = layers.Count - 1; i >= 0; i--) grad = layers[i].Backward(grad);
                if (l2 > 0) Penalties.AddL2Gradient(weights, l2);
                optimizer.Step(parameters);
            }
        }

        double sumSquares = 2.0 * Penalties.L2(weights, 1.0);
        return new StudyRow(Accuracy(layers, train), Accuracy(layers, test), sumSquares);
    }

    private static double Accuracy(List<ILayer> layers, Dataset d)
    {
        var x = d.X;
        foreach (var layer in layers) x = layer.Forward(x, training: false);
        var predicted = x.ArgMax(1);
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == d.Y[i]) correct++;
        return (double)correct / predicted.Length;
    }
}
