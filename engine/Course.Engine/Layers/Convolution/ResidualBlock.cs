using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>ResNet basic block: y = ReLU(BN(conv3×3(ReLU(BN(conv3×3(x))))) + shortcut(x)).</summary>
/// <remarks>
/// x: (N, inC, H, W) → (N, outC, OH, OW); the first conv has the block's stride, both convs pad 1 and have no bias
/// (BatchNorm follows). Shortcut = identity when inC == outC and stride == 1, else a 1×1 conv (stride s, no bias) → BN.
/// The ReLU comes after the addition. Forward caches each sub-layer's own cache and both ReLU outputs;
/// Backward adds the shortcut's dX to the main branch's dX.
/// </remarks>
public sealed class ResidualBlock<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private Tensor<T>? _hidden;   // ReLU(BN1(conv1 x))
    private Tensor<T>? _output;   // ReLU(main + shortcut)

    public ResidualBlock(int inChannels, int outChannels, int stride, Rng rng)
    {
        Conv1 = new Conv2d<T>(inChannels, outChannels, 3, rng, stride, pad: 1, bias: false);
        Bn1 = new BatchNorm<T>(outChannels);
        Conv2 = new Conv2d<T>(outChannels, outChannels, 3, rng, 1, pad: 1, bias: false);
        Bn2 = new BatchNorm<T>(outChannels);
        if (inChannels != outChannels || stride != 1)
        {
            ShortcutConv = new Conv2d<T>(inChannels, outChannels, 1, rng, stride, pad: 0, bias: false);
            ShortcutBn = new BatchNorm<T>(outChannels);
        }
        var ps = new List<Parameter<T>>();
        foreach (var layer in Layers()) ps.AddRange(layer.Parameters);
        _parameters = [.. ps];
    }

    public Conv2d<T> Conv1 { get; }
    public BatchNorm<T> Bn1 { get; }
    public Conv2d<T> Conv2 { get; }
    public BatchNorm<T> Bn2 { get; }

    /// <summary>The 1×1 projection, or null for an identity shortcut.</summary>
    public Conv2d<T>? ShortcutConv { get; }
    public BatchNorm<T>? ShortcutBn { get; }
    public bool HasProjection => ShortcutConv is not null;

    /// <summary>conv1.W, bn1.gamma/beta, conv2.W, bn2.gamma/beta, then the projection's W, gamma, beta if any.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank != 4 || x.Dim(1) != Conv1.InChannels)
            throw new ArgumentException($"ResidualBlock: expected input of shape (N, {Conv1.InChannels}, H, W), got {x.ShapeString}.");
        var h = Relu(Bn1.Forward(Conv1.Forward(x, training), training));
        var main = Bn2.Forward(Conv2.Forward(h, training), training);
        var shortcut = ShortcutConv is null ? x : ShortcutBn!.Forward(ShortcutConv.Forward(x, training), training);
        var y = Relu(main + shortcut);
        _hidden = h;
        _output = y;
        return y;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var y = _output ?? throw new InvalidOperationException("ResidualBlock.Backward called before Forward.");
        if (!dOut.SameShape(y))
            throw new ArgumentException($"ResidualBlock.Backward: expected dOut of shape {y.ShapeString}, got {dOut.ShapeString}.");
        var d = ReluBackward(dOut, y);
        var dh = ReluBackward(Conv2.Backward(Bn2.Backward(d)), _hidden!);
        var dx = Conv1.Backward(Bn1.Backward(dh));
        var dShortcut = ShortcutConv is null ? d : ShortcutConv.Backward(ShortcutBn!.Backward(d));
        return dx + dShortcut;
    }

    private IEnumerable<ILayer<T>> Layers()
    {
        yield return Conv1; yield return Bn1; yield return Conv2; yield return Bn2;
        if (ShortcutConv is not null) { yield return ShortcutConv; yield return ShortcutBn!; }
    }

    private static Tensor<T> Relu(Tensor<T> x)
    {
        var y = Tensor<T>.Zeros(x.ShapeArray);
        TensorPrimitives.Max(x.Span, T.Zero, y.Span);
        return y;
    }

    /// <summary>dOut where the ReLU's output was positive, else 0.</summary>
    private static Tensor<T> ReluBackward(Tensor<T> dOut, Tensor<T> reluOutput)
    {
        var dx = Tensor<T>.Zeros(dOut.ShapeArray);
        var o = reluOutput.Span;
        var g = dOut.Span;
        var d = dx.Span;
        for (int i = 0; i < d.Length; i++) d[i] = o[i] > T.Zero ? g[i] : T.Zero;
        return dx;
    }
}
