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
    public static StudyRow Run(Dataset train, Dataset test, double l2, double dropRatio, Rng rng, int epochs = 200) =>
        throw new NotImplementedException(
            "OverfitStudy.Run: build Affine(64,256)-Relu-[DropoutLayer]-Affine(256,256)-Relu-[DropoutLayer]-Affine(256,10) with engine layers, " +
            "train with SoftmaxWithLoss + Momentum(0.05, 0.9), batch 20, adding Penalties.AddL2Gradient on WeightsOnly before each Step; " +
            "return StudyRow(train acc, test acc, Σ W²) with accuracies from Forward(training: false) (lesson §2.8).");
}
