namespace Course.Day05;

/// <summary>Exercise 5.3 — global average pooling (N, C, H, W) → (N, C), the mean of each channel plane (lesson §5.3).</summary>
/// <remarks>Replaces the flatten + large fc of VGG with no parameters; Backward spreads dOut[n, c]/(H·W) over the plane.</remarks>
public sealed class GlobalAveragePooling : ILayer
{
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "GlobalAveragePooling.Forward: check x is (N, C, H, W), cache its shape, return (N, C) with each plane's mean (lesson §5.3).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "GlobalAveragePooling.Backward: every position of plane (n, c) gets dOut[n, c]/(H·W), in a new tensor (lesson §5.3).");
}
