using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>
/// What every 2-D pooling layer shares: a PH×PW window moved by a stride over each channel of (N, C, H, W), with
/// zero padding on every side, and no parameters. OH = (H + 2·pad − PH)/stride + 1 (floored), likewise OW.
/// </summary>
public abstract class Pool2d<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly string _name;

    /// <param name="name">The layer's name in error messages, e.g. "MaxPool2d".</param>
    /// <param name="poolHeight">PH ≥ 1.</param>
    /// <param name="poolWidth">PW ≥ 1.</param>
    /// <param name="stride">≥ 1.</param>
    /// <param name="pad">In [0, min(PH, PW)/2], so that every window holds at least one real pixel.</param>
    private protected Pool2d(string name, int poolHeight, int poolWidth, int stride, int pad)
    {
        if (poolHeight < 1 || poolWidth < 1 || stride < 1)
            throw new ArgumentOutOfRangeException(nameof(stride), $"{name}: window {poolHeight}×{poolWidth} and stride {stride} must be positive.");
        if (pad < 0 || 2 * pad > Math.Min(poolHeight, poolWidth))
            throw new ArgumentOutOfRangeException(nameof(pad), $"{name}: pad must be in [0, window/2], got {pad} for a {poolHeight}×{poolWidth} window.");
        _name = name;
        PoolHeight = poolHeight;
        PoolWidth = poolWidth;
        Stride = stride;
        Pad = pad;
    }

    public int PoolHeight { get; }
    public int PoolWidth { get; }
    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <summary>x (N, C, H, W) → (N, C, OH, OW).</summary>
    public abstract Tensor<T> Forward(Tensor<T> x, bool training = true);

    /// <summary>dOut (N, C, OH, OW) → dX (N, C, H, W).</summary>
    public abstract Tensor<T> Backward(Tensor<T> dOut);

    /// <summary>The geometry of pooling <paramref name="x"/>, after checking it is (N, C, H, W) and the window fits the padded input.</summary>
    private protected ConvGeometry Geometry(Tensor<T> x) => Geometry(x.Shape);

    /// <inheritdoc cref="Geometry(Tensor{T})"/>
    private protected ConvGeometry Geometry(ReadOnlySpan<int> shape)
    {
        if (shape.Length != 4)
            throw new ArgumentException($"{_name}: expected input of shape (N, C, H, W), got {Shapes.Format(shape)}.");
        if (shape[2] + 2 * Pad < PoolHeight || shape[3] + 2 * Pad < PoolWidth)
            throw new ArgumentException($"{_name}: window {PoolHeight}×{PoolWidth} is larger than the padded input {Shapes.Format(shape)} (pad {Pad}).");
        return new ConvGeometry(shape[0], shape[1], shape[2], shape[3], PoolHeight, PoolWidth, Stride, Pad);
    }
}
