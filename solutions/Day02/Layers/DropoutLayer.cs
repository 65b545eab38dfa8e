using Course.Engine.Layers;

namespace Course.Day02;

/// <summary>Inverted dropout (lesson §2.5): in training y = x ⊙ m / (1 − p) with m ~ Bernoulli(1 − p); at inference y = x.</summary>
/// <remarks>
/// Any shape. Forward (training) draws one <see cref="Rng.NextDouble()"/> u per element in row-major order from the
/// layer's own stream and keeps the element when u ≥ p (the engine's convention, so the same seed gives the same mask);
/// the mask is cached already scaled (0 or 1/(1 − p)) as <see cref="LastMask"/>. Backward multiplies by the same mask
/// and draws nothing. As an <see cref="IStochasticLayer{T}"/> it is gradient-checked with its mask frozen.
/// Scaling during training keeps E[y] = x, so inference needs no correction.
/// </remarks>
public sealed class DropoutLayer : IStochasticLayer<double>
{
    private readonly double _dropRatio;
    private readonly Rng _rng;
    private bool _lastWasTraining;
    private bool _forwardCalled;

    /// <param name="dropRatio">Probability p of zeroing a unit, 0 ≤ p &lt; 1.</param>
    public DropoutLayer(double dropRatio, Rng rng)
    {
        if (!(dropRatio >= 0.0 && dropRatio < 1.0))
            throw new ArgumentOutOfRangeException(nameof(dropRatio), $"DropoutLayer: dropRatio must satisfy 0 ≤ p < 1, got {dropRatio}.");
        _dropRatio = dropRatio;
        _rng = rng;
    }

    /// <summary>The scaled mask of the last training Forward (entries 0 or 1/(1 − p)), same shape as x; null before one.</summary>
    public Tensor? LastMask { get; private set; }

    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        _forwardCalled = true;
        _lastWasTraining = training;
        if (!training) return x.Clone();
        double scale = 1.0 / (1.0 - _dropRatio);
        var mask = Tensor.ZerosLike(x);
        var m = mask.Span;
        for (int i = 0; i < m.Length; i++) m[i] = _rng.NextDouble() >= _dropRatio ? scale : 0.0;
        LastMask = mask;
        return x * mask;
    }

    /// <returns>dL/dx = dOut ⊙ LastMask after a training Forward, dOut (copied) after an inference Forward.</returns>
    /// <exception cref="ArgumentException">dOut's shape differs from the last Forward's input (the message names DropoutLayer).</exception>
    public Tensor Backward(Tensor dOut)
    {
        if (!_forwardCalled) throw new InvalidOperationException("DropoutLayer.Backward called before Forward.");
        if (!_lastWasTraining) return dOut.Clone();
        var mask = LastMask!;
        if (!dOut.SameShape(mask))
            throw new ArgumentException($"DropoutLayer.Backward: expected dOut of shape {mask.ShapeString}, got {dOut.ShapeString}.", nameof(dOut));
        return dOut * mask;
    }
}
