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
    public SimpleConvNet(Rng rng, int filters = 16, int hidden = 64) =>
        throw new NotImplementedException(
            "SimpleConvNet(rng, filters, hidden): stack your ConvolutionLayer and MaxPoolingLayer with the engine's Relu, Affine and " +
            "SoftmaxWithLoss in the documented order, drawing the He-initialised weights from rng in the documented order (lesson §4.8).");

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Class scores (N, 10) for x (N, 1, 8, 8), before the softmax.</summary>
    public Tensor Predict(Tensor x, bool training = false) =>
        throw new NotImplementedException("SimpleConvNet.Predict: run x through every layer in order (lesson §4.8).");

    /// <summary>Mean cross-entropy of the batch (a training-mode forward pass).</summary>
    public double Loss(Tensor x, int[] t) =>
        throw new NotImplementedException("SimpleConvNet.Loss: the softmax-with-loss of the training-mode scores (lesson §4.8).");

    /// <summary>One forward and backward pass; every parameter's Grad then holds dL/dθ of the batch-mean loss.</summary>
    public void Gradient(Tensor x, int[] t) =>
        throw new NotImplementedException(
            "SimpleConvNet.Gradient: one Loss, then Backward through the loss and the layers in reverse order (lesson §4.8).");
}
