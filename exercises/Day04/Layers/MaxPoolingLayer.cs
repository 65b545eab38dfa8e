namespace Course.Day04;

/// <summary>Exercise 4.5 — max pooling, channel by channel (lesson §4.6).</summary>
/// <remarks>
/// x (N, C, H, W) → (N, C, OH, OW) with OH = (H + 2·pad − ph)/stride + 1. Padding never wins (it counts as −∞).
/// Tie rule: when several pixels of a window share the maximum, the first one in row-major order is the argmax, and
/// Backward sends that window's whole gradient there. Overlapping windows add their gradients on a shared pixel.
/// </remarks>
public sealed class MaxPoolingLayer : ILayer
{
    public MaxPoolingLayer(int ph, int pw, int stride, int pad = 0) =>
        throw new NotImplementedException(
            "MaxPoolingLayer(ph, pw, stride, pad): keep the window, stride and padding; reject a window or stride < 1 and a pad " +
            "outside [0, window) with an ArgumentException (lesson §4.6).");

    public int PoolHeight { get; }
    public int PoolWidth { get; }
    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "MaxPoolingLayer.Forward: for every channel of every image and every window, output the maximum and remember where it was; " +
            "on a tie keep the first maximum in row-major order, and never let a padded position win (lesson §4.6).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "MaxPoolingLayer.Backward: only the remembered maximum of each window influenced the output, so route each dOut entry " +
            "there; when windows overlap, a pixel that won several collects the sum (lesson §4.6).");
}
