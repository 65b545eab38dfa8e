namespace Course.Day06;

/// <summary>Exercise 6.5 — softmax + cross-entropy at every time step, averaged over the non-ignored (n, t) positions (lesson §6.5).</summary>
/// <remarks>
/// scores: (N, T, V), labels: (N, T). A position whose label equals <see cref="IgnoreIndex"/> adds neither loss nor
/// gradient, and the mean divides by the count of the other positions (0 positions: loss 0, gradient 0). Use the
/// max-subtracted softmax. Backward returns (p − onehot) / count, (N, T, V), zero on ignored positions.
/// </remarks>
public sealed class TimeSoftmaxWithLoss
{
    private Tensor? _p;
    private int[] _labels = [];
    private int _count;

    public TimeSoftmaxWithLoss(int ignoreIndex = -1) => IgnoreIndex = ignoreIndex;

    public int IgnoreIndex { get; }

    public double Forward(Tensor scores, int[,] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Rank != 3 || labels.GetLength(0) != scores.Dim(0) || labels.GetLength(1) != scores.Dim(1))
            throw new ArgumentException(
                $"TimeSoftmaxWithLoss: expected scores (N, T, V) and labels (N, T); got {scores.ShapeString} and ({labels.GetLength(0)}, {labels.GetLength(1)}).");
        int v = scores.Dim(2), rows = labels.Length;
        var flat = new int[rows];
        int k = 0;
        foreach (int l in labels) flat[k++] = l;
        var p = scores.Clone();
        var ps = p.Span;
        double loss = 0;
        int count = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = ps.Slice(r * v, v);
            double max = double.NegativeInfinity;
            foreach (double s in row) max = Math.Max(max, s);
            double sum = 0;
            for (int j = 0; j < v; j++) { row[j] = Math.Exp(row[j] - max); sum += row[j]; }
            for (int j = 0; j < v; j++) row[j] /= sum;
            int label = flat[r];
            if (label == IgnoreIndex) continue;
            if ((uint)label >= (uint)v)
                throw new ArgumentOutOfRangeException(nameof(labels), $"TimeSoftmaxWithLoss: label {label} at position {r} is outside [0, {v}).");
            loss -= scores.Span[r * v + label] - max - Math.Log(sum);
            count++;
        }
        (_p, _labels, _count) = (p, flat, count);
        return count == 0 ? 0.0 : loss / count;
    }

    public Tensor Backward()
    {
        var p = _p ?? throw new InvalidOperationException("TimeSoftmaxWithLoss.Backward called before Forward.");
        int v = p.Dim(2);
        var d = p.Clone();
        var ds = d.Span;
        double inv = _count == 0 ? 0.0 : 1.0 / _count;
        for (int r = 0; r < _labels.Length; r++)
        {
            var row = ds.Slice(r * v, v);
            if (_labels[r] == IgnoreIndex) { row.Clear(); continue; }
            row[_labels[r]] -= 1.0;
            for (int j = 0; j < v; j++) row[j] *= inv;
        }
        return d;
    }
}
