namespace Course.Engine.Layers;

/// <summary>Softmax + cross-entropy at every time step, averaged over all non-ignored (n, t) positions.</summary>
/// <remarks>
/// scores: (N, T, V), labels: (N, T) (or flat N·T through <see cref="ILossLayer{T}"/>). Positions whose label equals
/// <see cref="IgnoreIndex"/> add neither loss nor gradient, and the mean divides by the count of the others.
/// Forward caches the probabilities (max-subtracted softmax); Backward returns (p − onehot)/count, (N, T, V).
/// </remarks>
public sealed class TimeSoftmaxWithLoss<T> : ILossLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _probabilities;
    private int[] _labels = [];
    private int _count;

    public TimeSoftmaxWithLoss(int ignoreIndex = -1) => IgnoreIndex = ignoreIndex;

    public int IgnoreIndex { get; }

    /// <summary>Softmax probabilities of the last Forward, (N, T, V).</summary>
    public Tensor<T>? Probabilities => _probabilities;

    public double Forward(Tensor<T> scores, int[,] labels)
    {
        if (scores.Rank != 3 || labels.GetLength(0) != scores.Dim(0) || labels.GetLength(1) != scores.Dim(1))
            throw new ArgumentException(
                $"TimeSoftmaxWithLoss: expected scores (N, T, V) and labels (N, T); got {scores.ShapeString} and ({labels.GetLength(0)}, {labels.GetLength(1)}).");
        var flat = new int[labels.Length];
        int i = 0;
        foreach (int l in labels) flat[i++] = l;
        return Compute(scores, flat);
    }

    /// <summary>labels flattened row-major, length N·T.</summary>
    public double Forward(Tensor<T> scores, int[] labels)
    {
        if (scores.Rank != 3 || labels.Length != scores.Dim(0) * scores.Dim(1))
            throw new ArgumentException(
                $"TimeSoftmaxWithLoss: expected scores (N, T, V) and N·T labels; got {scores.ShapeString} and {labels.Length} labels.");
        return Compute(scores, (int[])labels.Clone());
    }

    public Tensor<T> Backward()
    {
        var p = _probabilities ?? throw new InvalidOperationException("TimeSoftmaxWithLoss.Backward called before Forward.");
        int v = p.Dim(2);
        var d = p.Clone();
        var ds = d.Span;
        T inv = _count == 0 ? T.Zero : T.One / T.CreateChecked(_count);
        for (int r = 0; r < _labels.Length; r++)
        {
            var row = ds.Slice(r * v, v);
            if (_labels[r] == IgnoreIndex) { row.Clear(); continue; }
            row[_labels[r]] -= T.One;
            System.Numerics.Tensors.TensorPrimitives.Multiply<T>(row, inv, row);
        }
        return d;
    }

    private double Compute(Tensor<T> scores, int[] labels)
    {
        int v = scores.Dim(2);
        var p = scores.Clone();
        var ps = p.Span;
        double loss = 0;
        int count = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            var row = ps.Slice(r * v, v);
            T max = System.Numerics.Tensors.TensorPrimitives.Max<T>(row);
            System.Numerics.Tensors.TensorPrimitives.Subtract<T>(row, max, row);
            System.Numerics.Tensors.TensorPrimitives.Exp<T>(row, row);
            T sum = System.Numerics.Tensors.TensorPrimitives.Sum<T>(row);
            System.Numerics.Tensors.TensorPrimitives.Divide<T>(row, sum, row);
            int label = labels[r];
            if (label == IgnoreIndex) continue;
            if ((uint)label >= (uint)v)
                throw new ArgumentOutOfRangeException(nameof(labels), $"TimeSoftmaxWithLoss: label {label} at position {r} is outside [0, {v}).");
            // log p = (s − max) − log Σ exp(s − max), exact even when p underflows.
            loss -= double.CreateChecked(scores.Span[r * v + label] - max - T.Log(sum));
            count++;
        }
        _probabilities = p;
        _labels = labels;
        _count = count;
        return count == 0 ? 0.0 : loss / count;
    }
}
