using Course.Engine.Layers;

namespace Course.Day02;

/// <summary>Inverted dropout (lesson §2.5): in training y = x ⊙ m / (1 − p) with m ~ Bernoulli(1 − p); at inference y = x.</summary>
/// <remarks>
/// Any shape. Forward (training) draws one <see cref="Rng.NextDouble()"/> u per element in row-major order from the
/// layer's own stream and keeps the element when u ≥ p (the engine's convention, so the same seed gives the same mask);
/// the mask is cached already scaled (0 or 1/(1 − p)) as <see cref="LastMask"/>. Backward multiplies by the same mask
/// and draws nothing. As an <see cref="IStochasticLayer{T}"/> it is gradient-checked with its mask frozen.
/// </remarks>
public sealed class DropoutLayer : IStochasticLayer<double>
{
    /// <param name="dropRatio">Probability p of zeroing a unit, 0 ≤ p &lt; 1.</param>
    public DropoutLayer(double dropRatio, Rng rng) =>
        throw new NotImplementedException(
            "DropoutLayer(dropRatio, rng): throw ArgumentOutOfRangeException unless 0 ≤ dropRatio < 1, then keep dropRatio and rng in fields for Forward (lesson §2.5).");

    /// <summary>The scaled mask of the last training Forward (entries 0 or 1/(1 − p)), same shape as x; null before one.</summary>
    public Tensor? LastMask => throw new NotImplementedException(
        "DropoutLayer.LastMask: return the mask of the last training Forward, entries 0 or 1/(1 − p), x's shape (null before any) (lesson §2.5).");

    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "DropoutLayer.Forward: training → draw u = rng.NextDouble() per element, mask = (u ≥ p ? 1/(1 − p) : 0), store it as LastMask, return x ⊙ mask; inference → return a copy of x (lesson §2.5).");

    /// <returns>dL/dx = dOut ⊙ LastMask after a training Forward, dOut (copied) after an inference Forward.</returns>
    /// <exception cref="ArgumentException">dOut's shape differs from the last Forward's input (the message names DropoutLayer).</exception>
    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "DropoutLayer.Backward: return dOut ⊙ LastMask (the mask from Forward — draw no new one), or a copy of dOut after an inference Forward; same shape as dOut; a dOut of another shape → ArgumentException naming DropoutLayer (lesson §2.5).");
}
