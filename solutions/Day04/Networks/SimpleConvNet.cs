using Course.Engine.Layers;

namespace Course.Day04;

/// <summary>Exercise 4.7 — a small CNN for the 8×8 digits:
/// conv(filters, 3×3, pad 1) – ReLU – maxpool 2×2 – affine(hidden) – ReLU – affine(10) – SoftmaxWithLoss (lesson §4.8).</summary>
/// <remarks>
/// Input (N, 1, 8, 8). He initialisation, drawn from the given rng in this order: the conv filters (fan-in 9), then
/// the first affine's W (fan-in filters·4·4), then the second's (fan-in hidden); every bias starts at 0. Parameters in
/// the order conv W, conv b, affine1 W, affine1 b, affine2 W, affine2 b.
/// </remarks>
public sealed class SimpleConvNet
{
    private const int Classes = 10;
    private readonly ILayer[] _layers;
    private readonly SoftmaxWithLoss<double> _loss = new();

    public SimpleConvNet(Rng rng, int filters = 16, int hidden = 64)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (filters < 1 || hidden < 1)
            throw new ArgumentException($"SimpleConvNet: filters and hidden must be ≥ 1, got {filters} and {hidden}.");
        var conv = new ConvolutionLayer(Init.Weights<double>(WeightInit.He, 9, rng, 0.01, filters, 1, 3, 3), Tensor.Zeros(filters), stride: 1, pad: 1);
        _layers =
        [
            conv,
            new Relu<double>(),
            new MaxPoolingLayer(2, 2, 2),
            new Affine<double>(filters * 4 * 4, hidden, rng, WeightInit.He),
            new Relu<double>(),
            new Affine<double>(hidden, Classes, rng, WeightInit.He),
        ];
        Parameters = _layers.SelectMany(l => l.Parameters).ToArray();
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Class scores (N, 10) for x (N, 1, 8, 8), before the softmax.</summary>
    public Tensor Predict(Tensor x, bool training = false)
    {
        if (x.Rank != 4 || x.Dim(1) != 1 || x.Dim(2) != 8 || x.Dim(3) != 8)
            throw new ArgumentException($"SimpleConvNet: expected input (N, 1, 8, 8), got {x.ShapeString}.", nameof(x));
        foreach (var layer in _layers) x = layer.Forward(x, training);
        return x;
    }

    /// <summary>Mean cross-entropy of the batch (a training-mode forward pass).</summary>
    public double Loss(Tensor x, int[] t) => _loss.Forward(Predict(x, training: true), t);

    /// <summary>One forward and backward pass; every parameter's Grad then holds dL/dθ of the batch-mean loss.</summary>
    public void Gradient(Tensor x, int[] t)
    {
        Loss(x, t);
        var d = _loss.Backward();
        for (int i = _layers.Length - 1; i >= 0; i--) d = _layers[i].Backward(d);
    }
}
