using Course.Engine.Layers;

namespace Course.Day05;

/// <summary>Exercise 5.3 — depthwise-separable convolution: a k×k filter per channel (no channel mixing), then a 1×1 conv (lesson §5.3).</summary>
/// <remarks>
/// x (N, C, H, W) → depthwise (N, C, OH, OW) → pointwise (N, outC, OH, OW). Parameters: depthwise "W" (C, 1, k, k)
/// without bias, then the pointwise conv's "W" (outC, C, 1, 1) and "b" (outC). Weights k²·C + C·outC instead of
/// k²·C·outC: the ratio is 1/outC + 1/k².
/// </remarks>
public sealed class DepthwiseSeparableConv : ILayer
{
    public DepthwiseSeparableConv(int channels, int outChannels, int k, int stride, int pad, Rng rng) =>
        throw new NotImplementedException(
            "DepthwiseSeparableConv: create the depthwise W (C, 1, k, k) with He init (fan-in k·k) and an engine Conv2d(C, outC, 1) for the pointwise step (lesson §5.3).");

    public int Channels => throw new NotImplementedException("DepthwiseSeparableConv.Channels: the depthwise W's first dimension (lesson §5.3).");

    /// <summary>Depthwise "W" (C, 1, k, k).</summary>
    public Parameter Depthwise => throw new NotImplementedException("DepthwiseSeparableConv.Depthwise: the (C, 1, k, k) parameter (lesson §5.3).");

    /// <summary>The 1×1 convolution that mixes channels.</summary>
    public Conv2d<double> Pointwise => throw new NotImplementedException("DepthwiseSeparableConv.Pointwise: the 1×1 Conv2d (lesson §5.3).");

    public IReadOnlyList<Parameter> Parameters =>
        throw new NotImplementedException("DepthwiseSeparableConv.Parameters: depthwise W, then the pointwise conv's W and b (lesson §5.3).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "DepthwiseSeparableConv.Forward: output channel c is channel c of x convolved with filter c only (stride, pad); then apply the pointwise conv (lesson §5.3).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "DepthwiseSeparableConv.Backward: pointwise Backward first; then per channel accumulate dW[c] += g·x and dX += g·W[c] over the windows (lesson §5.3).");
}
