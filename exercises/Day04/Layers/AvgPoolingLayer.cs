namespace Course.Day04;

/// <summary>Exercise 4.5 — average pooling, channel by channel (lesson §4.6).</summary>
/// <remarks>
/// x (N, C, H, W) → (N, C, OH, OW); every output is the window's sum divided by ph·pw (padded pixels count as 0, as in
/// PyTorch's default). Backward spreads dOut/(ph·pw) to every real pixel of the window; overlaps add up.
/// </remarks>
public sealed class AvgPoolingLayer : ILayer
{
    public AvgPoolingLayer(int ph, int pw, int stride, int pad = 0) =>
        throw new NotImplementedException(
            "AvgPoolingLayer(ph, pw, stride, pad): keep the window, stride and padding; reject a window or stride < 1 and a pad " +
            "outside [0, window) with an ArgumentException (lesson §4.6).");

    public int PoolHeight { get; }
    public int PoolWidth { get; }
    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "AvgPoolingLayer.Forward: each output is its window's mean over ph·pw positions, channel by channel, padding counting as 0 (lesson §4.6).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "AvgPoolingLayer.Backward: every pixel of a window contributed 1/(ph·pw) of the output, so each gets that share of dOut; " +
            "overlapping windows add up (lesson §4.6).");
}
