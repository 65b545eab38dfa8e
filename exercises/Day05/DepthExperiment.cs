using Course.Engine.Data;
using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Day05;

/// <summary>Exercise 5.4 — plain vs residual sigmoid MLPs of growing depth on the 8×8 digits (lesson §5.4).</summary>
public static class DepthExperiment
{
    public const int Hidden = 32;
    public const double LearningRate = 0.05;
    public const int BatchSize = 32;

    /// <summary>Sigmoid MLP 64 → 32 → depth × (32 → 32) → 10 on digits; residual = h ← h + σ(W h + b).</summary>
    /// <remarks>Xavier init (std √(1/fanIn)), SGD lr 0.05, batch 32, batches shuffled by <paramref name="rng"/>'s "batches" stream.</remarks>
    public static DepthResult Run(int depth, bool residual, int epochs, Rng rng) =>
        throw new NotImplementedException(
            "DepthExperiment.Run: build engine Affine + Sigmoid layers (Xavier, from rng.Fork(\"init\")); in the residual net add h to each block's output and dOut to each block's dX; train with Sgd (lesson §5.4).");
}
