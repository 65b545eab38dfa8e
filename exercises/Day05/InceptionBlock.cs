using Course.Engine.Layers;

namespace Course.Day05;

/// <summary>Exercise 5.6 — Inception block: four parallel branches on the same input, concatenated on channels (lesson §5.6).</summary>
/// <remarks>
/// Order: 1×1 (c1) | 1×1 (c3r) → 3×3 pad 1 (c3) | 1×1 (c5r) → 5×5 pad 2 (c5) | 3×3 max-pool stride 1 pad 1 → 1×1 (pp),
/// ReLU after every conv. Output (N, c1 + c3 + c5 + pp, H, W). Backward hands each branch its own channel range of
/// dOut and sums the four dX, because the input fans out to all four branches.
/// </remarks>
public sealed class InceptionBlock : ILayer
{
    public InceptionBlock(int inChannels, int c1, int c3r, int c3, int c5r, int c5, int pp, Rng rng) =>
        throw new NotImplementedException(
            "InceptionBlock: build the four branches as engine Sequentials (Conv2d, Relu, MaxPool2d) in the documented order (lesson §5.6).");

    public int InChannels => throw new NotImplementedException("InceptionBlock.InChannels (lesson §5.6).");
    public int OutChannels => throw new NotImplementedException("InceptionBlock.OutChannels: c1 + c3 + c5 + pp (lesson §5.6).");

    /// <summary>The four branches in concatenation order.</summary>
    public IReadOnlyList<Sequential<double>> Branches => throw new NotImplementedException("InceptionBlock.Branches (lesson §5.6).");

    public IReadOnlyList<Parameter> Parameters =>
        throw new NotImplementedException("InceptionBlock.Parameters: the branches' parameters, branch 1 first (lesson §5.6).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "InceptionBlock.Forward: run every branch on the same x and copy their outputs side by side along the channel axis (lesson §5.6).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "InceptionBlock.Backward: cut dOut into the channel ranges [0, c1), [c1, c1 + c3), … ; Backward each branch on its slice and add the four dX (lesson §5.6).");
}
