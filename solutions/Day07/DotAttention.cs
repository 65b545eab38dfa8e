namespace Course.Day07;

/// <summary>Exercise 7.5 — dot-product attention of one decoder state over the encoder states (lesson §7.5).</summary>
/// <remarks>
/// query (N, H), keys = values = encoder states (N, Tₑ, H), mask (N, Tₑ) with true = padding.
/// scores[n, t] = keys[n, t]·query[n]; masked scores are −∞ (weight exactly 0); weights = softmax over Tₑ;
/// context[n] = Σₜ weights[n, t]·keys[n, t]. A row whose keys are all masked throws. Forward caches query, keys, weights.
/// </remarks>
public sealed class DotAttention
{
    private (Tensor Query, Tensor Keys, Tensor Weights)? _cache;

    /// <summary>Attention weights (N, Tₑ) of the last Forward.</summary>
    public Tensor? Weights => _cache?.Weights;

    /// <summary>Returns the context (N, H) and the weights (N, Tₑ).</summary>
    public (Tensor Context, Tensor Weights) Forward(Tensor query, Tensor keys, bool[,]? mask = null)
    {
        if (query.Rank != 2 || keys.Rank != 3 || keys.Dim(0) != query.Dim(0) || keys.Dim(2) != query.Dim(1))
            throw new ArgumentException($"DotAttention: expected query (N, H) and keys (N, Tₑ, H), got {query.ShapeString} and {keys.ShapeString}.");
        int n = keys.Dim(0), te = keys.Dim(1), h = keys.Dim(2);
        if (mask is not null && (mask.GetLength(0) != n || mask.GetLength(1) != te))
            throw new ArgumentException($"DotAttention: expected mask ({n}, {te}), got ({mask.GetLength(0)}, {mask.GetLength(1)}).");
        var q = query.Span;
        var k = keys.Span;
        var weights = Tensor.Zeros(n, te);
        var context = Tensor.Zeros(n, h);
        var w = weights.Span;
        var c = context.Span;
        for (int i = 0; i < n; i++)
        {
            var row = w.Slice(i * te, te);
            for (int t = 0; t < te; t++)
            {
                double s = 0;
                for (int j = 0; j < h; j++) s += k[(i * te + t) * h + j] * q[i * h + j];
                row[t] = s;
            }
            int ii = i;
            Softmax.MaskedInPlace(row, t => mask is not null && mask[ii, t], "DotAttention");
            for (int t = 0; t < te; t++)
                for (int j = 0; j < h; j++) c[i * h + j] += row[t] * k[(i * te + t) * h + j];
        }
        _cache = (query.Clone(), keys.Clone(), weights.Clone());
        return (context, weights);
    }

    /// <summary>dContext (N, H) → (dQuery (N, H), dKeys (N, Tₑ, H)); dKeys adds the value path and the score path.</summary>
    public (Tensor DQuery, Tensor DKeys) Backward(Tensor dContext)
    {
        var (query, keys, weights) = _cache ?? throw new InvalidOperationException("DotAttention.Backward called before Forward.");
        if (!dContext.SameShape(query))
            throw new ArgumentException($"DotAttention.Backward: expected dContext of shape {query.ShapeString}, got {dContext.ShapeString}.");
        int n = keys.Dim(0), te = keys.Dim(1), h = keys.Dim(2);
        var q = query.Span;
        var k = keys.Span;
        var w = weights.Span;
        var dc = dContext.Span;
        var dQuery = Tensor.Zeros(n, h);
        var dKeys = Tensor.Zeros(n, te, h);
        var dq = dQuery.Span;
        var dk = dKeys.Span;
        var dw = new double[te];
        for (int i = 0; i < n; i++)
        {
            double dot = 0;
            for (int t = 0; t < te; t++)
            {
                double s = 0;
                for (int j = 0; j < h; j++)
                {
                    s += dc[i * h + j] * k[(i * te + t) * h + j];
                    dk[(i * te + t) * h + j] = w[i * te + t] * dc[i * h + j];
                }
                dw[t] = s;
                dot += s * w[i * te + t];
            }
            for (int t = 0; t < te; t++)
            {
                double ds = w[i * te + t] * (dw[t] - dot);
                for (int j = 0; j < h; j++)
                {
                    dq[i * h + j] += ds * k[(i * te + t) * h + j];
                    dk[(i * te + t) * h + j] += ds * q[i * h + j];
                }
            }
        }
        return (dQuery, dKeys);
    }
}
