namespace Cert.Technical;

/// <summary>
/// T4 variant masked-loss: softmax cross-entropy over scores (N, T, V) and labels (N, T) where sequence i only counts
/// its first lengths[i] steps; the loss is the mean over the Σ lengths counted steps, and the steps past a sequence's
/// length get zero gradient.
/// </summary>
public sealed class MaskedTimeSoftmaxWithLoss
{
    private (Tensor P, int[,] Labels, int[] Lengths, int Count)? _cache;

    public double Forward(Tensor scores, int[,] labels, int[] lengths)
    {
        if (scores.Rank != 3 || labels.GetLength(0) != scores.Dim(0) || labels.GetLength(1) != scores.Dim(1) || lengths.Length != scores.Dim(0))
            throw new ArgumentException($"MaskedTimeSoftmaxWithLoss: expected scores (N, T, V), labels (N, T), lengths (N); got {scores.ShapeString}, ({labels.GetLength(0)}, {labels.GetLength(1)}), ({lengths.Length}).");
        int n = scores.Dim(0), t = scores.Dim(1), vocab = scores.Dim(2);
        if (lengths.Any(l => l < 0 || l > t)) throw new ArgumentException($"MaskedTimeSoftmaxWithLoss: every length must be within 0…{t}.");
        int count = lengths.Sum();
        if (count == 0) throw new ArgumentException("MaskedTimeSoftmaxWithLoss: all lengths are 0, nothing to average.");
        var p = scores.Clone();
        var s = p.Span;
        double loss = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < t; k++)
            {
                var row = s.Slice((i * t + k) * vocab, vocab);
                double max = double.NegativeInfinity;
                foreach (var e in row) max = Math.Max(max, e);
                double z = 0;
                for (int c = 0; c < vocab; c++) z += row[c] = Math.Exp(row[c] - max);
                for (int c = 0; c < vocab; c++) row[c] /= z;
                if (k < lengths[i]) loss -= Math.Log(row[labels[i, k]] + 1e-300);
            }
        _cache = (p, (int[,])labels.Clone(), (int[])lengths.Clone(), count);
        return loss / count;
    }

    public Tensor Backward()
    {
        var (p, labels, lengths, count) = _cache ?? throw new InvalidOperationException("MaskedTimeSoftmaxWithLoss.Backward called before Forward.");
        int n = p.Dim(0), t = p.Dim(1), vocab = p.Dim(2);
        var d = Tensor.ZerosLike(p);
        var ps = p.Span;
        var ds = d.Span;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < lengths[i]; k++)
            {
                int at = (i * t + k) * vocab;
                for (int c = 0; c < vocab; c++) ds[at + c] = ps[at + c] / count;
                ds[at + labels[i, k]] -= 1.0 / count;
            }
        return d;
    }
}
