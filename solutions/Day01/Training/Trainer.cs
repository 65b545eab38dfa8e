using Course.Engine.Data;

namespace Course.Day01;

/// <summary>Exercise 1.7 — mini-batch stochastic gradient descent (lesson §1.7).</summary>
public static class Trainer
{
    /// <summary>
    /// Plain SGD, θ ← θ − η·∂L/∂θ, for <paramref name="epochs"/> passes over the training set. Each epoch draws a fresh
    /// permutation from <paramref name="rng"/> and walks it in mini-batches of <paramref name="batchSize"/> (the last
    /// batch may be smaller). After each epoch records the loss on the whole training set and both accuracies
    /// (measured after the epoch rather than averaged over its mini-batches: one extra forward pass per epoch instead of
    /// one per batch, and every entry describes the same network).
    /// </summary>
    public static TrainingHistory Train(TwoLayerNet net, Dataset train, Dataset test,
                                        int epochs, int batchSize, double learningRate, Rng rng)
    {
        if (epochs < 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Trainer.Train: epochs must be ≥ 0.");
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Trainer.Train: batchSize must be > 0.");

        var losses = new List<double>();
        var trainAccuracy = new List<double>();
        var testAccuracy = new List<double>();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (x, t) in train.Batches(batchSize, rng))   // a fresh permutation from rng every epoch
            {
                net.Gradient(x, t);
                foreach (var p in net.Parameters)
                    p.Value.AddInPlace(p.Grad, -learningRate);       // θ ← θ − η·∂L/∂θ, in place: the layers hold these tensors
            }
            losses.Add(net.Loss(train.X, train.Y));
            trainAccuracy.Add(net.Accuracy(train.X, train.Y));
            testAccuracy.Add(net.Accuracy(test.X, test.Y));
        }
        return new TrainingHistory(losses, trainAccuracy, testAccuracy);
    }
}
