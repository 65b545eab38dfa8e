using Course.Engine.Layers;

namespace Course.Day05;

/// <summary>Exercise 5.5 — VGG block: n × (conv 3×3, pad 1, stride 1 → ReLU), then max-pool 2×2 stride 2 (lesson §5.5).</summary>
/// <remarks>Parameters in order conv0.W, conv0.b, conv1.W, … (the engine's Conv2d names them "W" and "b").</remarks>
public sealed class VggBlock : ILayer
{
    private readonly ILayer[] _layers;
    private readonly Parameter[] _parameters;

    public VggBlock(int inChannels, int outChannels, int convs, Rng rng)
    {
        if (inChannels < 1 || outChannels < 1 || convs < 1)
            throw new ArgumentException($"VggBlock: need inChannels, outChannels and convs ≥ 1, got ({inChannels}, {outChannels}, {convs}).");
        ArgumentNullException.ThrowIfNull(rng);
        InChannels = inChannels;
        var layers = new List<ILayer>();
        var convLayers = new List<Conv2d<double>>();
        for (int i = 0; i < convs; i++)
        {
            var conv = new Conv2d<double>(i == 0 ? inChannels : outChannels, outChannels, 3, rng, stride: 1, pad: 1);
            convLayers.Add(conv);
            layers.Add(conv);
            layers.Add(new Relu<double>());
        }
        layers.Add(new MaxPool2d<double>(2, 2));
        _layers = [.. layers];
        Convs = convLayers;
        _parameters = [.. convLayers.SelectMany(c => c.Parameters)];
    }

    public int InChannels { get; }

    /// <summary>The block's convolutions, first to last.</summary>
    public IReadOnlyList<Conv2d<double>> Convs { get; }

    public IReadOnlyList<Parameter> Parameters => _parameters;

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4 || x.Dim(1) != InChannels || x.Dim(2) < 2 || x.Dim(3) < 2)
            throw new ArgumentException($"VggBlock: expected input of shape (N, {InChannels}, H ≥ 2, W ≥ 2), got {x.ShapeString}.");
        foreach (var layer in _layers) x = layer.Forward(x, training);
        return x;
    }

    public Tensor Backward(Tensor dOut)
    {
        for (int i = _layers.Length - 1; i >= 0; i--) dOut = _layers[i].Backward(dOut);
        return dOut;
    }
}
