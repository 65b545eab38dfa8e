namespace Course.Engine.Layers;

/// <summary>Embedding lookup: each id selects a row of W (equivalent to one-hot · W, without the product).</summary>
/// <remarks>
/// W: (vocab, dim), initialised N(0, 0.01²); parameter "W". Ids come as <c>int[,]</c> (N, T) → (N, T, dim),
/// <c>int[]</c> (N) → (N, dim), or — for the <see cref="ILayer{T}"/> path (e.g. inside <c>Sequential</c>) — a tensor of
/// integer values of shape (N) or (N, T) (each value is rounded to the nearest integer and must lie in [0, vocab)).
/// Forward caches the ids. Backward scatter-adds dOut rows into W.Grad (overwritten per call; a repeated id
/// accumulates; unused rows get exactly 0) and returns a zero tensor shaped like the ids (ids have no gradient).
/// </remarks>
public sealed class Embedding<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private int[]? _ids;
    private int[] _idShape = [];

    public Embedding(int vocab, int dim, Rng rng) : this(Init.Normal<T>(0.01, rng, vocab, dim)) { }

    /// <summary>From an explicit table <paramref name="w"/> (vocab, dim).</summary>
    public Embedding(Tensor<T> w)
    {
        if (w.Rank != 2) throw new ArgumentException($"Embedding: W must be (vocab, dim), got {w.ShapeString}.");
        W = new Parameter<T>("W", w);
        _parameters = [W];
    }

    public Parameter<T> W { get; }
    public int Vocab => W.Value.Dim(0);
    public int Dim => W.Value.Dim(1);
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <summary>ids (N, T) → (N, T, dim).</summary>
    public Tensor<T> Forward(int[,] ids)
    {
        var flat = new int[ids.Length];
        int i = 0;
        foreach (int id in ids) flat[i++] = id;
        return Lookup(flat, [ids.GetLength(0), ids.GetLength(1)]);
    }

    /// <summary>ids (N) → (N, dim).</summary>
    public Tensor<T> Forward(int[] ids) => Lookup((int[])ids.Clone(), [ids.Length]);

    /// <summary>Integer-valued ids tensor (N) or (N, T) → (N, dim) or (N, T, dim).</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank is not (1 or 2))
            throw new ArgumentException($"Embedding: expected ids of shape (N) or (N, T), got {x.ShapeString}.");
        var flat = new int[x.Length];
        var s = x.Span;
        for (int i = 0; i < flat.Length; i++) flat[i] = int.CreateChecked(T.Round(s[i]));
        return Lookup(flat, x.ShapeArray);
    }

    /// <summary>dOut (ids shape, dim) → W.Grad (scatter-add); returns zeros shaped like the ids.</summary>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var ids = _ids ?? throw new InvalidOperationException("Embedding.Backward called before Forward.");
        int dim = Dim;
        if (dOut.Length != ids.Length * dim || dOut.Dim(-1) != dim)
            throw new ArgumentException($"Embedding.Backward: expected dOut of shape ({string.Join(", ", _idShape)}, {dim}), got {dOut.ShapeString}.");
        var grad = Tensor<T>.ZerosLike(W.Value);
        var g = grad.Span;
        var d = dOut.Span;
        for (int i = 0; i < ids.Length; i++)
        {
            var row = g.Slice(ids[i] * dim, dim);
            System.Numerics.Tensors.TensorPrimitives.Add<T>(row, d.Slice(i * dim, dim), row);
        }
        W.Grad = grad;
        return Tensor<T>.Zeros(_idShape);
    }

    private Tensor<T> Lookup(int[] ids, int[] idShape)
    {
        int dim = Dim;
        var y = Tensor<T>.Zeros([.. idShape, dim]);
        var w = W.Value.Span;
        var ys = y.Span;
        for (int i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)Vocab)
                throw new ArgumentOutOfRangeException(nameof(ids), $"Embedding: id {ids[i]} at position {i} is outside the vocabulary [0, {Vocab}).");
            w.Slice(ids[i] * dim, dim).CopyTo(ys.Slice(i * dim, dim));
        }
        _ids = ids;
        _idShape = idShape;
        return y;
    }
}
