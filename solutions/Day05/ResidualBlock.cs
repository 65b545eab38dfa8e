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
    private readonly Relu<double> _relu1 = new(), _reluOut = new();
    private readonly Parameter[] _parameters;

    public ResidualBlock(int inChannels, int outChannels, int stride, Rng rng)
    {
        if (inChannels < 1 || outChannels < 1 || stride < 1)
            throw new ArgumentException($"ResidualBlock: need inChannels, outChannels, stride ≥ 1, got ({inChannels}, {outChannels}, {stride}).");
        ArgumentNullException.ThrowIfNull(rng);
        Conv1 = new Conv2d<double>(inChannels, outChannels, 3, rng, stride, pad: 1, bias: false);
        Bn1 = new BatchNorm<double>(outChannels);
        Conv2 = new Conv2d<double>(outChannels, outChannels, 3, rng, 1, pad: 1, bias: false);
        Bn2 = new BatchNorm<double>(outChannels);
        if (inChannels != outChannels || stride != 1)
        {
            ShortcutConv = new Conv2d<double>(inChannels, outChannels, 1, rng, stride, pad: 0, bias: false);
            ShortcutBn = new BatchNorm<double>(outChannels);
        }
        var ps = new List<Parameter>();
        ps.AddRange(Conv1.Parameters); ps.AddRange(Bn1.Parameters); ps.AddRange(Conv2.Parameters); ps.AddRange(Bn2.Parameters);
        if (ShortcutConv is not null) { ps.AddRange(ShortcutConv.Parameters); ps.AddRange(ShortcutBn!.Parameters); }
        _parameters = [.. ps];
    }

    public Conv2d<double> Conv1 { get; }
    public BatchNorm<double> Bn1 { get; }
    public Conv2d<double> Conv2 { get; }
    public BatchNorm<double> Bn2 { get; }

    /// <summary>The 1×1 projection, or null for an identity shortcut.</summary>
    public Conv2d<double>? ShortcutConv { get; }
    public BatchNorm<double>? ShortcutBn { get; }
    public bool HasProjection => ShortcutConv is not null;

    public IReadOnlyList<Parameter> Parameters => _parameters;

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4 || x.Dim(1) != Conv1.InChannels)
            throw new ArgumentException($"ResidualBlock: expected input of shape (N, {Conv1.InChannels}, H, W), got {x.ShapeString}.");
        var h = _relu1.Forward(Bn1.Forward(Conv1.Forward(x, training), training), training);
        var main = Bn2.Forward(Conv2.Forward(h, training), training);
        var shortcut = ShortcutConv is null ? x : ShortcutBn!.Forward(ShortcutConv.Forward(x, training), training);
        return _reluOut.Forward(main + shortcut, training);
    }

    public Tensor Backward(Tensor dOut)
    {
        var d = _reluOut.Backward(dOut);   // the sum's gradient goes unchanged to both terms
        var dMain = Conv1.Backward(Bn1.Backward(_relu1.Backward(Conv2.Backward(Bn2.Backward(d)))));
        var dShortcut = ShortcutConv is null ? d : ShortcutConv.Backward(ShortcutBn!.Backward(d));
        return dMain + dShortcut;
    }
}
