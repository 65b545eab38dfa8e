namespace Course.Engine.Layers;

/// <summary>
/// What <see cref="Conv2d{T}"/> and <see cref="ConvTranspose2d{T}"/> hold alike: filters W (4-D; each layer names its
/// own layout), an optional bias b, the stride and the padding. Parameters "W" and "b" (no "b" without bias).
/// </summary>
public abstract class ConvolutionLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;

    /// <summary>Checks stride ≥ 1 and pad ≥ 0 (the message names <paramref name="layer"/>); W and b are used as-is,
    /// their shapes already checked by the layer.</summary>
    private protected ConvolutionLayer(string layer, Tensor<T> w, Tensor<T>? b, int stride, int pad)
    {
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"{layer}: stride must be ≥ 1, got {stride}.");
        if (pad < 0) throw new ArgumentOutOfRangeException(nameof(pad), $"{layer}: pad must be ≥ 0, got {pad}.");
        W = new Parameter<T>("W", w);
        B = b is null ? null : new Parameter<T>("b", b);
        Stride = stride;
        Pad = pad;
        _parameters = B is null ? [W] : [W, B];
    }

    /// <summary>Filters, 4-D: (FN, C, FH, FW) for a convolution, (Cin, Cout, K, K) for a transposed one.</summary>
    public Parameter<T> W { get; }

    /// <summary>Bias (one per output channel), or null for a bias-free layer (e.g. followed by BatchNorm).</summary>
    public Parameter<T>? B { get; }

    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;
}
