using Course.Engine.Layers;

namespace Course.Day05;

/// <summary>Exercise 5.7 — ResNet basic block: conv3×3(stride s) → BN → ReLU → conv3×3 → BN, plus shortcut, then ReLU (lesson §5.7).</summary>
/// <remarks>
/// Shortcut = identity when inC == outC and stride == 1, else 1×1 conv (stride s, no bias) → BN. The convs have no bias
/// because BN's β replaces it. y = ReLU(F(x) + shortcut(x)), so ∂y/∂x = 1[y &gt; 0] ⊙ (∂F/∂x + ∂shortcut/∂x): the
/// shortcut carries dOut to the input even when the branch passes nothing.
/// </remarks>
public sealed class ResidualBlock : ILayer
{
    public ResidualBlock(int inChannels, int outChannels, int stride, Rng rng) =>
        throw new NotImplementedException(
            "ResidualBlock: create conv1 (3×3, stride s, pad 1, no bias), bn1, conv2 (3×3, pad 1, no bias), bn2, and a 1×1 projection + BN only when the shapes differ (lesson §5.7).");

    public Conv2d<double> Conv1 => throw new NotImplementedException("ResidualBlock.Conv1 (lesson §5.7).");
    public BatchNorm<double> Bn1 => throw new NotImplementedException("ResidualBlock.Bn1 (lesson §5.7).");
    public Conv2d<double> Conv2 => throw new NotImplementedException("ResidualBlock.Conv2 (lesson §5.7).");
    public BatchNorm<double> Bn2 => throw new NotImplementedException("ResidualBlock.Bn2 (lesson §5.7).");

    /// <summary>The 1×1 projection, or null for an identity shortcut.</summary>
    public Conv2d<double>? ShortcutConv => throw new NotImplementedException("ResidualBlock.ShortcutConv (lesson §5.7).");
    public BatchNorm<double>? ShortcutBn => throw new NotImplementedException("ResidualBlock.ShortcutBn (lesson §5.7).");
    public bool HasProjection => throw new NotImplementedException("ResidualBlock.HasProjection: true when a 1×1 projection exists (lesson §5.7).");

    public IReadOnlyList<Parameter> Parameters =>
        throw new NotImplementedException("ResidualBlock.Parameters: conv1, bn1, conv2, bn2, then the projection's if any (lesson §5.7).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "ResidualBlock.Forward: main = bn2(conv2(relu(bn1(conv1 x)))); add the shortcut; apply the ReLU AFTER the addition (lesson §5.7).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "ResidualBlock.Backward: pass dOut through the final ReLU, then send that gradient down BOTH the branch and the shortcut and add the two dX (lesson §5.7).");
}
