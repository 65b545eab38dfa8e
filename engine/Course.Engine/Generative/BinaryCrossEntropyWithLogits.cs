using System.Numerics.Tensors;

namespace Course.Engine.Generative;

/// <summary>How <see cref="BinaryCrossEntropyWithLogits{T}"/> reduces the per-element losses.</summary>
public enum BceReduction
{
    /// <summary>Mean over every element (GAN discriminator/generator losses).</summary>
    Mean,

    /// <summary>Sum over every element divided by the batch size N (a VAE's reconstruction term, nats per image).</summary>
    SumOverBatch,
}

/// <summary>Binary cross-entropy on logits, stable for any logit: ℓ = max(x, 0) − t·x + log(1 + e^(−|x|)).</summary>
/// <remarks>
/// logits and targets share a shape (N, …); targets in [0, 1] (soft targets allowed). dℓ/dx = σ(x) − t, divided by the
/// reduction's count. Forward caches σ(logits) and the targets. Logits of ±1000 give finite losses and gradients.
/// </remarks>
public sealed class BinaryCrossEntropyWithLogits<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _sigmoid;
    private Tensor<T>? _targets;
    private int _count;

    public BinaryCrossEntropyWithLogits(BceReduction reduction = BceReduction.Mean) => Reduction = reduction;

    public BceReduction Reduction { get; }

    public double Forward(Tensor<T> logits, Tensor<T> targets)
    {
        if (!logits.SameShape(targets) || logits.Rank < 1)
            throw new ArgumentException($"BinaryCrossEntropyWithLogits: logits {logits.ShapeString} and targets {targets.ShapeString} must have one shape.");
        var x = logits.Span;
        var t = targets.Span;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double xi = double.CreateChecked(x[i]);
            sum += Math.Max(xi, 0) - double.CreateChecked(t[i]) * xi + Math.Log(1 + Math.Exp(-Math.Abs(xi)));
        }
        _sigmoid = Ops.Sigmoid(logits);
        _targets = targets;
        _count = Reduction == BceReduction.Mean ? logits.Length : logits.Dim(0);
        return sum / _count;
    }

    /// <summary>dL/dlogits = (σ(x) − t)/count, the logits' shape.</summary>
    public Tensor<T> Backward()
    {
        var s = _sigmoid ?? throw new InvalidOperationException("BinaryCrossEntropyWithLogits.Backward called before Forward.");
        var d = s - _targets!;
        TensorPrimitives.Divide<T>(d.Span, T.CreateChecked(_count), d.Span);
        return d;
    }
}
