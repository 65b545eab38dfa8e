namespace Course.Day01;

/// <summary>
/// Exercise 1.7 — a two-layer network Affine → ReLU → Affine → SoftmaxWithLoss, built from the layers of 1.6 (lesson §1.7).
/// </summary>
/// <remarks>
/// Shapes: X [N, inputSize] → hidden [N, hiddenSize] → scores [N, outputSize].
/// Parameters: W1 [hidden, in], b1 [hidden], W2 [out, hidden], b2 [out] — (in + 1)·hidden + (hidden + 1)·out numbers.
/// </remarks>
public sealed class TwoLayerNet
{
    private readonly AffineLayer _affine1;
    private readonly ReluLayer _relu = new();
    private readonly AffineLayer _affine2;
    private readonly SoftmaxWithLoss _loss = new();

    /// <summary>Weights drawn from N(0, weightInitStd²) with <paramref name="rng"/> (W1 first, then W2); biases start at 0.</summary>
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Rng rng, double weightInitStd = 0.01)
    {
        if (inputSize <= 0 || hiddenSize <= 0 || outputSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputSize), $"TwoLayerNet: sizes must be positive, got {inputSize}-{hiddenSize}-{outputSize}.");
        _affine1 = new AffineLayer(rng.Normal(weightInitStd, hiddenSize, inputSize), Tensor.Zeros(hiddenSize), suffix: "1");
        _affine2 = new AffineLayer(rng.Normal(weightInitStd, outputSize, hiddenSize), Tensor.Zeros(outputSize), suffix: "2");
        Parameters = [.. _affine1.Parameters, .. _affine2.Parameters];
    }

    /// <summary>"W1", "b1", "W2", "b2", in that order; the same objects the layers use.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Class scores (logits) [N, outputSize] for inputs [N, inputSize]; softmax is not needed to rank them.</summary>
    public Tensor Predict(Tensor x) =>
        _affine2.Forward(_relu.Forward(_affine1.Forward(x, training: false), training: false), training: false);

    /// <summary>Mean cross-entropy of softmax(Predict(x)) against labels <paramref name="t"/> [N].</summary>
    public double Loss(Tensor x, int[] t) => _loss.Forward(Predict(x), t);

    /// <summary>Fraction of rows whose largest score is at the label. Ties go to the first (smallest) class index.</summary>
    public double Accuracy(Tensor x, int[] t)
    {
        int[] predicted = Predict(x).ArgMax(axis: 1);
        if (t.Length != predicted.Length)
            throw new ArgumentException($"TwoLayerNet.Accuracy: {t.Length} labels for {predicted.Length} rows.", nameof(t));
        int correct = 0;
        for (int i = 0; i < t.Length; i++)
            if (predicted[i] == t[i]) correct++;
        return (double)correct / t.Length;
    }

    /// <summary>
    /// Backpropagation: one forward pass (caching in every layer), then Backward through the layers in reverse order.
    /// Fills (overwrites) every <see cref="Parameter.Grad"/> with dL/dθ for this batch.
    /// </summary>
    public void Gradient(Tensor x, int[] t)
    {
        Loss(x, t);
        var dScores = _loss.Backward();            // [N, out]
        var dHidden = _affine2.Backward(dScores);   // [N, hidden]; sets W2, b2
        dHidden = _relu.Backward(dHidden);
        _affine1.Backward(dHidden);                 // sets W1, b1; dX is not needed
    }
}
