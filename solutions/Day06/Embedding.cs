namespace Course.Day06;

/// <summary>Exercise 6.3 — embedding lookup: each id selects a row of W, the same as one-hot · W without the product (lesson §6.3).</summary>
/// <remarks>
/// W: (vocab, dim), drawn as <c>rng.Normal(0.01, vocab, dim)</c>; parameter "W". Forward caches the ids. Backward
/// scatter-adds the rows of dOut into a fresh W.Grad (overwritten per call): an id that occurs k times receives the
/// sum of its k rows, rows of unused ids are exactly 0.
/// </remarks>
public sealed class Embedding
{
    private readonly Parameter[] _parameters;
    private int[,]? _ids;

    public Embedding(int vocab, int dim, Rng rng)
    {
        if (vocab < 1 || dim < 1) throw new ArgumentException($"Embedding: need vocab, dim ≥ 1, got ({vocab}, {dim}).");
        ArgumentNullException.ThrowIfNull(rng);
        W = new Parameter("W", rng.Normal(0.01, vocab, dim));
        _parameters = [W];
    }

    public Parameter W { get; }
    public int Vocab => W.Value.Dim(0);
    public int Dim => W.Value.Dim(1);
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>ids (N, T) → (N, T, dim); an id outside [0, vocab) throws.</summary>
    public Tensor Forward(int[,] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        int n = ids.GetLength(0), steps = ids.GetLength(1), dim = Dim;
        var y = Tensor.Zeros(n, steps, dim);
        var w = W.Value.Span;
        var ys = y.Span;
        for (int i = 0; i < n; i++)
            for (int t = 0; t < steps; t++)
            {
                int id = ids[i, t];
                if ((uint)id >= (uint)Vocab)
                    throw new ArgumentOutOfRangeException(nameof(ids), $"Embedding: id {id} at ({i}, {t}) is outside the vocabulary [0, {Vocab}).");
                w.Slice(id * dim, dim).CopyTo(ys.Slice((i * steps + t) * dim, dim));
            }
        _ids = (int[,])ids.Clone();
        return y;
    }

    /// <summary>dOut (N, T, dim) → W.Grad (vocab, dim) by scatter-add.</summary>
    public void Backward(Tensor dOut)
    {
        var ids = _ids ?? throw new InvalidOperationException("Embedding.Backward called before Forward.");
        int n = ids.GetLength(0), steps = ids.GetLength(1), dim = Dim;
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != steps || dOut.Dim(2) != dim)
            throw new ArgumentException($"Embedding.Backward: expected dOut of shape ({n}, {steps}, {dim}), got {dOut.ShapeString}.");
        var grad = Tensor.ZerosLike(W.Value);
        var g = grad.Span;
        var d = dOut.Span;
        for (int i = 0; i < n; i++)
            for (int t = 0; t < steps; t++)
            {
                var row = g.Slice(ids[i, t] * dim, dim);
                var src = d.Slice((i * steps + t) * dim, dim);
                for (int k = 0; k < dim; k++) row[k] += src[k];
            }
        W.Grad = grad;
    }
}
