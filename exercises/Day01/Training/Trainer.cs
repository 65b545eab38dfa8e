using Course.Engine.Data;

namespace Course.Day01;

/// <summary>Exercise 1.7 — mini-batch stochastic gradient descent (lesson §1.7).</summary>
public static class Trainer
{
    /// <summary>
    /// Plain SGD, θ ← θ − η·∂L/∂θ, for <paramref name="epochs"/> passes over the training set. Each epoch draws a fresh
    /// permutation from <paramref name="rng"/> and walks it in mini-batches of <paramref name="batchSize"/> (the last
    /// batch may be smaller). After each epoch records the loss on the whole training set and both accuracies.
    /// </summary>
    public static TrainingHistory Train(TwoLayerNet net, Dataset train, Dataset test,
                                        int epochs, int batchSize, double learningRate, Rng rng) =>
        throw new NotImplementedException(
            "Trainer.Train: for each epoch loop over train.Batches(batchSize, rng) (a fresh shuffle per call): net.Gradient(x, t), then " +
            "p.Value.AddInPlace(p.Grad, −learningRate) for every parameter. After the epoch record net.Loss and net.Accuracy on the whole training set " +
            "and net.Accuracy on the test set; return a TrainingHistory with one entry per epoch (lesson §1.7).");
}
