using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Shape checks shared by the pooling layers: input (N, C, H, W) and a window that fits the padded input.</summary>
internal static class PoolingGeometry
{
    /// <summary>Constructor check: a positive window and stride, and a pad no larger than half the window.</summary>
    public static void ValidateWindow(string layer, int ph, int pw, int stride, int pad)
    {
        if (ph < 1 || pw < 1 || stride < 1)
            throw new ArgumentOutOfRangeException(nameof(stride), $"{layer}: window {ph}×{pw} and stride {stride} must be positive.");
        if (pad < 0 || 2 * pad > Math.Min(ph, pw))
            throw new ArgumentOutOfRangeException(nameof(pad), $"{layer}: pad must be in [0, window/2], got {pad} for a {ph}×{pw} window.");
    }

    public static ConvGeometry Of<T>(string layer, Tensor<T> x, int ph, int pw, int stride, int pad)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rank != 4)
            throw new ArgumentException($"{layer}: expected input of shape (N, C, H, W), got {x.ShapeString}.");
        if (x.Dim(2) + 2 * pad < ph || x.Dim(3) + 2 * pad < pw)
            throw new ArgumentException($"{layer}: window {ph}×{pw} is larger than the padded input {x.ShapeString} (pad {pad}).");
        return new ConvGeometry(x.Dim(0), x.Dim(1), x.Dim(2), x.Dim(3), ph, pw, stride, pad);
    }
}
