using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Scaled dot-product attention: out = softmax(Q·Kᵀ/√dₖ + mask)·V, batched over N.</summary>
/// <remarks>
/// Q: (N, Tq, dₖ), K: (N, Tk, dₖ), V: (N, Tk, dᵥ) → out (N, Tq, dᵥ). Optional masks: a key-padding mask (N, Tk) with
/// true = padding, and <c>causal</c> (query t sees keys ≤ t; needs Tq == Tk). Masked positions get weight exactly 0
/// (their exponential is never formed); a query row with every key masked throws instead of producing NaN.
/// Forward caches Q, K, V and the weights A (N, Tq, Tk), exposed as <see cref="Weights"/>; each row of A sums to 1 over Tk.
/// Backward: dV = Aᵀ·dOut; dA = dOut·Vᵀ; dS = A⊙(dA − Σₖ dA⊙A); dQ = dS·K/√dₖ; dK = dSᵀ·Q/√dₖ.
/// </remarks>
public sealed class ScaledDotProductAttention<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private (Tensor<T> Q, Tensor<T> K, Tensor<T> V, Tensor<T> A)? _cache;

    public ScaledDotProductAttention(bool causal = false) => Causal = causal;

    public bool Causal { get; }

    /// <summary>Attention weights of the last Forward, (N, Tq, Tk).</summary>
    public Tensor<T>? Weights => _cache?.A;

    public Tensor<T> Forward(Tensor<T> q, Tensor<T> k, Tensor<T> v, bool[,]? keyPadding = null)
    {
        if (q.Rank != 3 || k.Rank != 3 || v.Rank != 3 || k.Dim(0) != q.Dim(0) || v.Dim(0) != q.Dim(0)
            || k.Dim(2) != q.Dim(2) || v.Dim(1) != k.Dim(1))
            throw new ArgumentException(
                $"ScaledDotProductAttention: expected Q (N, Tq, dk), K (N, Tk, dk), V (N, Tk, dv); got {q.ShapeString}, {k.ShapeString}, {v.ShapeString}.");
        int n = q.Dim(0), tq = q.Dim(1), tk = k.Dim(1), dk = q.Dim(2), dv = v.Dim(2);
        if (keyPadding is not null && (keyPadding.GetLength(0) != n || keyPadding.GetLength(1) != tk))
            throw new ArgumentException(
                $"ScaledDotProductAttention: expected a key-padding mask of shape ({n}, {tk}), got ({keyPadding.GetLength(0)}, {keyPadding.GetLength(1)}).");
        if (Causal && tq != tk)
            throw new ArgumentException($"ScaledDotProductAttention: a causal mask needs Tq == Tk, got Q {q.ShapeString} and K {k.ShapeString}.");
        T scale = T.One / T.Sqrt(T.CreateChecked(dk));
        var a = Tensor<T>.Zeros(n, tq, tk);
        var y = Tensor<T>.Zeros(n, tq, dv);
        for (int b = 0; b < n; b++)
        {
            var s = Ops.MatMul(q.Row(b), k.Row(b), transB: true);      // (Tq, Tk)
            var ss = s.Span;
            var ab = a.Row(b).Span;
            for (int i = 0; i < tq; i++)
            {
                var row = ss.Slice(i * tk, tk);
                var dst = ab.Slice(i * tk, tk);
                T max = T.NegativeInfinity;
                for (int j = 0; j < tk; j++)
                    if (!Masked(keyPadding, b, i, j)) max = T.Max(max, row[j] * scale);
                if (T.IsNegativeInfinity(max))
                    throw new InvalidOperationException($"ScaledDotProductAttention: every key is masked for query {i} of batch item {b}.");
                T sum = T.Zero;
                for (int j = 0; j < tk; j++)
                {
                    dst[j] = Masked(keyPadding, b, i, j) ? T.Zero : T.Exp(row[j] * scale - max);
                    sum += dst[j];
                }
                TensorPrimitives.Divide(dst, sum, dst);
            }
            Ops.MatMul(a.Row(b), v.Row(b)).Span.CopyTo(y.Row(b).Span);
        }
        _cache = (q, k, v, a);
        return y;
    }

    /// <summary>dOut (N, Tq, dv) → (dQ, dK, dV).</summary>
    public (Tensor<T> DQ, Tensor<T> DK, Tensor<T> DV) Backward(Tensor<T> dOut)
    {
        var (q, k, v, a) = _cache ?? throw new InvalidOperationException("ScaledDotProductAttention.Backward called before Forward.");
        int n = q.Dim(0), tq = q.Dim(1), tk = k.Dim(1);
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != tq || dOut.Dim(2) != v.Dim(2))
            throw new ArgumentException($"ScaledDotProductAttention.Backward: expected dOut of shape ({n}, {tq}, {v.Dim(2)}), got {dOut.ShapeString}.");
        T scale = T.One / T.Sqrt(T.CreateChecked(q.Dim(2)));
        var dq = Tensor<T>.ZerosLike(q);
        var dk = Tensor<T>.ZerosLike(k);
        var dv = Tensor<T>.ZerosLike(v);
        for (int b = 0; b < n; b++)
        {
            var ab = a.Row(b);
            var dOutB = dOut.Row(b);
            Ops.MatMul(ab, dOutB, transA: true).Span.CopyTo(dv.Row(b).Span);
            var dA = Ops.MatMul(dOutB, v.Row(b), transB: true);          // (Tq, Tk)
            var ds = dA.Span;
            var aSpan = ab.Span;
            for (int i = 0; i < tq; i++)
            {
                var dRow = ds.Slice(i * tk, tk);
                var aRow = aSpan.Slice(i * tk, tk);
                T dot = TensorPrimitives.Dot<T>(dRow, aRow);
                for (int j = 0; j < tk; j++) dRow[j] = aRow[j] * (dRow[j] - dot) * scale;
            }
            Ops.MatMul(dA, k.Row(b)).Span.CopyTo(dq.Row(b).Span);
            Ops.MatMul(dA, q.Row(b), transA: true).Span.CopyTo(dk.Row(b).Span);
        }
        return (dq, dk, dv);
    }

    private bool Masked(bool[,]? keyPadding, int b, int i, int j)
        => (Causal && j > i) || (keyPadding is not null && keyPadding[b, j]);
}
