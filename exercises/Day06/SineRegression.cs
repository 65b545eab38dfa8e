using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Day06;

/// <summary>Exercise 6.6 — many-to-one regression: read 20 values of a noisy sine, predict the next one (lesson §6.6).</summary>
public static class SineRegression
{
    public const int Windows = 1000, TrainWindows = 800, Window = 20, Hidden = 16, BatchSize = 32;
    public const double NoiseStd = 0.05, LearningRate = 0.01;

    /// <summary>
    /// Data <c>Sequences.NoisySine(1000, 20, 0.05, rng)</c>: the first 800 windows train, the last 200 test (time order).
    /// Model TimeRnn(1, 16, rng) (not stateful) → the last step's hidden state → <c>Affine&lt;double&gt;(16, 1, rng,
    /// WeightInit.Xavier)</c>, trained with the engine's MeanSquaredError and <c>Adam&lt;double&gt;(0.01)</c> on
    /// mini-batches of 32 taken in the order of <c>rng.Permutation(800)</c>, one permutation per epoch. The rng is
    /// used in exactly that order: data, TimeRnn, Affine, then the permutations.
    /// </summary>
    /// <returns>
    /// Mean squared errors (1/M)·Σ(ŷ − y)² after training on the train and test windows, and on the test windows the
    /// error of the persistence baseline ŷ = the window's last value.
    /// </returns>
    public static (double TrainMse, double TestMse, double PersistenceMse) Run(int epochs, Rng rng) =>
        throw new NotImplementedException(
            "SineRegression.Run: many-to-one — only the LAST hidden state feeds the output layer, so in Backward only the last time slice receives a gradient; use the rng in the documented order (lesson §6.6).");
}
