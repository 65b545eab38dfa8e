using Course.Engine.Layers;

namespace Course.Day05;

/// <summary>Exercise 5.5 — VGG block: n × (conv 3×3, pad 1, stride 1 → ReLU), then max-pool 2×2 stride 2 (lesson §5.5).</summary>
/// <remarks>Parameters in order conv0.W, conv0.b, conv1.W, … (the engine's Conv2d names them "W" and "b").</remarks>
public sealed class VggBlock : ILayer
{
    public VggBlock(int inChannels, int outChannels, int convs, Rng rng) =>
        throw new NotImplementedException(
            "VggBlock: build convs × (engine Conv2d 3×3 pad 1 → Relu) and one MaxPool2d(2, 2); the first conv takes inChannels (lesson §5.5).");

    public int InChannels => throw new NotImplementedException("VggBlock.InChannels: the first conv's input channels (lesson §5.5).");

    /// <summary>The block's convolutions, first to last.</summary>
    public IReadOnlyList<Conv2d<double>> Convs => throw new NotImplementedException("VggBlock.Convs: the conv layers in order (lesson §5.5).");

    public IReadOnlyList<Parameter> Parameters =>
        throw new NotImplementedException("VggBlock.Parameters: every conv's W and b, first conv first (lesson §5.5).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "VggBlock.Forward: check (N, inC, H, W) and throw ArgumentException naming the block and both shapes; then run the layers in order (lesson §5.5).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("VggBlock.Backward: run the layers' Backward in reverse order (lesson §5.5).");
}
