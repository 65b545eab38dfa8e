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
    /// <summary>Weights drawn from N(0, weightInitStd²) with <paramref name="rng"/> (W1 first, then W2); biases start at 0.</summary>
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Rng rng, double weightInitStd = 0.01) =>
        throw new NotImplementedException(
            "TwoLayerNet(in, hidden, out, rng, std): build AffineLayer(rng.Normal(std, hidden, in), Tensor.Zeros(hidden), suffix: \"1\"), a ReluLayer, " +
            "AffineLayer(rng.Normal(std, out, hidden), Tensor.Zeros(out), suffix: \"2\") and a SoftmaxWithLoss; draw W1 before W2 (lesson §1.7).");

    /// <summary>"W1", "b1", "W2", "b2", in that order; the same objects the layers use.</summary>
    public IReadOnlyList<Parameter> Parameters =>
        throw new NotImplementedException(
            "TwoLayerNet.Parameters: return the two AffineLayers' parameters in order W1, b1, W2, b2 — the same Parameter objects, not copies (lesson §1.7).");

    /// <summary>Class scores (logits) [N, outputSize] for inputs [N, inputSize].</summary>
    public Tensor Predict(Tensor x) =>
        throw new NotImplementedException(
            "TwoLayerNet.Predict: return affine2(relu(affine1(x))), the scores [N, out]; no softmax needed (lesson §1.7).");

    /// <summary>Mean cross-entropy of softmax(Predict(x)) against labels <paramref name="t"/> [N].</summary>
    public double Loss(Tensor x, int[] t) =>
        throw new NotImplementedException(
            "TwoLayerNet.Loss: return the SoftmaxWithLoss layer's Forward(Predict(x), t), the batch-mean loss (lesson §1.7).");

    /// <summary>Fraction of rows whose largest score is at the label. Ties go to the first (smallest) class index.</summary>
    public double Accuracy(Tensor x, int[] t) =>
        throw new NotImplementedException(
            "TwoLayerNet.Accuracy: predicted = Predict(x).ArgMax(axis: 1) (ties → first maximum); return the fraction of rows with predicted == t, in [0, 1] (lesson §1.7).");

    /// <summary>Backpropagation: fills (overwrites) every <see cref="Parameter.Grad"/> with dL/dθ for this batch.</summary>
    public void Gradient(Tensor x, int[] t) =>
        throw new NotImplementedException(
            "TwoLayerNet.Gradient: run Loss(x, t) (the forward pass caches), then d = loss.Backward(), d = affine2.Backward(d), " +
            "d = relu.Backward(d), affine1.Backward(d) — every Parameter.Grad is then set (lesson §1.7).");
}
