using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Sum-of-squares loss <c>L = ½ Σ (y − t)² / N</c> (二乗和誤差, averaged over the batch, not over elements).</summary>
/// <remarks>
/// y, t: [batch, …] (same shape) → a scalar. N is the size of axis 0, so a [N, K] batch gives the book's
/// <c>0.5 * np.sum((y − t)**2) / N</c> and the gradient is simply <c>(y − t) / N</c>. For classification-style use,
/// <see cref="Forward(Tensor{T}, int[])"/> compares the scores with one-hot targets. Forward caches y − t.
/// </remarks>
public sealed class MeanSquaredError<T> : ILossLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _diff;

    /// <summary>½ Σ (y − t)² / N with one-hot targets built from <paramref name="labels"/>; y: [N, classes].</summary>
    public double Forward(Tensor<T> scores, int[] labels)
    {
        if (scores.Rank != 2)
            throw new ArgumentException($"MeanSquaredError: expected scores of shape (N, classes), got {scores.ShapeString}.", nameof(scores));
        if (labels.Length != scores.Dim(0))
            throw new ArgumentException($"MeanSquaredError: {labels.Length} labels for scores of shape {scores.ShapeString}.", nameof(labels));
        return Forward(scores, Ops.OneHot<T>(labels, scores.Dim(1)));
    }

    /// <summary>½ Σ (y − t)² / N for real-valued targets <paramref name="target"/> of y's shape.</summary>
    public double Forward(Tensor<T> y, Tensor<T> target)
    {
        if (!y.SameShape(target) || y.Rank == 0)
            throw new ArgumentException($"MeanSquaredError: prediction {y.ShapeString} and target {target.ShapeString} must have the same shape (N, …).");
        var diff = Tensor<T>.ZerosLike(y);
        TensorPrimitives.Subtract(y.Span, target.Span, diff.Span);
        _diff = diff;
        int n = Math.Max(1, y.Dim(0));
        return 0.5 * double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(diff.Span)) / n;
    }

    /// <returns>dL/dy = (y − t) / N, y's shape.</returns>
    public Tensor<T> Backward()
    {
        var diff = _diff ?? throw new InvalidOperationException("MeanSquaredError.Backward called before Forward.");
        return diff / T.CreateChecked(Math.Max(1, diff.Dim(0)));
    }
}
