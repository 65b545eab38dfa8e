using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Softmax followed by cross-entropy, fused (ゼロから作るDeep Learning's SoftmaxWithLoss).</summary>
/// <remarks>
/// scores: [batch, classes], labels: [batch] → the mean loss over the batch. Forward caches the probabilities
/// (<see cref="Probabilities"/>) and the labels; Backward returns (p − onehot(t)) / batch. The softmax subtracts
/// each row's maximum and the loss is computed by log-sum-exp (see <see cref="SoftmaxCrossEntropy"/>), so it is
/// finite for any finite scores. Inside a <see cref="Workspace"/>, the probabilities and dscores are written into the
/// tensors of the previous step.
/// </remarks>
public sealed class SoftmaxWithLoss<T> : ILossLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _labels;

    /// <summary>softmax(scores) from the last Forward, [batch, classes]; null before the first Forward.</summary>
    public Tensor<T>? Probabilities { get; private set; }

    /// <summary>Batch-mean cross-entropy of softmax(scores) against <paramref name="labels"/>.</summary>
    public double Forward(Tensor<T> scores, int[] labels)
    {
        if (scores.Rank != 2 || scores.Dim(1) == 0)
            throw new ArgumentException($"SoftmaxWithLoss: expected scores of shape (N, classes), got {scores.ShapeString}.", nameof(scores));
        if (labels.Length != scores.Dim(0))
            throw new ArgumentException($"SoftmaxWithLoss: {labels.Length} labels for scores of shape {scores.ShapeString}.", nameof(labels));
        var p = Workspace.Output<T>(this, scores.Shape);   // the kernel writes every probability
        double loss = SoftmaxCrossEntropy.Forward(scores.Span, labels, p.Span, scores.Dim(0), scores.Dim(1));
        Probabilities = p;
        _labels = (int[])labels.Clone();
        return loss;
    }

    /// <returns>dL/dscores = (p − onehot(t)) / batch, [batch, classes].</returns>
    public Tensor<T> Backward()
    {
        var p = Probabilities ?? throw new InvalidOperationException("SoftmaxWithLoss.Backward called before Forward.");
        var d = Workspace.InputGradient<T>(this, p.Shape);   // the kernel writes every element
        SoftmaxCrossEntropy.Backward(p.Span, _labels!, d.Span, p.Dim(0), p.Dim(1));
        return d;
    }
}
