namespace Course.Engine.Layers;

/// <summary>Inverted dropout: in training, each element is kept with probability 1 − p and scaled by 1/(1 − p).</summary>
/// <remarks>
/// x: any shape → y: same shape. Training: y = x ⊙ m with m_i = 1/(1 − p) if u_i ≥ p else 0, where the u_i are one
/// <see cref="Rng.NextDouble()"/> per element in row-major order from the layer's own <see cref="Rng"/>; the mask
/// (already scaled) is cached as <see cref="LastMask"/>. Inference: y = x (a bitwise copy), no draw. Because the
/// scaling happens at training time, E[y] = x and inference needs no correction. Backward draws nothing and
/// returns dOut ⊙ LastMask (or dOut after an inference Forward).
/// </remarks>
public sealed class Dropout<T> : IStochasticLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Rng _rng;
    private int[]? _shape;
    private bool _lastWasTraining;

    /// <summary>Drops with probability <paramref name="p"/> (0 ≤ p &lt; 1), drawing masks from <paramref name="rng"/>
    /// (pass a fork, e.g. <c>rng.Fork("dropout")</c>).</summary>
    public Dropout(double p, Rng rng)
    {
        if (!(p >= 0.0 && p < 1.0))
            throw new ArgumentOutOfRangeException(nameof(p), $"Dropout: drop probability must be in [0, 1), got {p}.");
        P = p;
        _rng = rng;
    }

    /// <summary>Drop probability.</summary>
    public double P { get; }

    /// <summary>The mask of the last training Forward: 0 or 1/(1 − p) per element; null before one.</summary>
    public Tensor<T>? LastMask { get; private set; }

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <summary>x: any shape → y: same shape.</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        _shape = x.ShapeArray;
        _lastWasTraining = training;
        if (!training) return x.Clone();

        var mask = Tensor<T>.ZerosLike(x);
        var m = mask.Span;
        T keep = T.One / T.CreateChecked(1.0 - P);
        for (int i = 0; i < m.Length; i++)
            m[i] = _rng.NextDouble() >= P ? keep : T.Zero;
        LastMask = mask;
        return x * mask;
    }

    /// <returns>dL/dx = dOut ⊙ LastMask (training) or dOut (inference), same shape.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        if (_shape is null) throw new InvalidOperationException("Dropout.Backward called before Forward.");
        if (!dOut.Shape.SequenceEqual(_shape))
            throw new ArgumentException($"Dropout.Backward: expected dOut of shape {Shapes.Format(_shape)}, got {dOut.ShapeString}.", nameof(dOut));
        return _lastWasTraining ? dOut * LastMask! : dOut.Clone();
    }
}
