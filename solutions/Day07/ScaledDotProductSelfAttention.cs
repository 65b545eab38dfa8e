namespace Course.Day07;

/// <summary>Exercise 7.5 — single-head scaled dot-product self-attention (lesson §7.5).</summary>
/// <remarks>
/// X (N, T, dModel) → (N, T, dₖ). Wq, Wk, Wv (dₖ, dModel) drawn in that order, N(0, 1/dModel) (Xavier); parameters
/// "Wq", "Wk", "Wv". Q = X·Wqᵀ, K = X·Wkᵀ, V = X·Wvᵀ; A = softmax(Q·Kᵀ/√dₖ) over the keys, with keys after the query
/// hidden when <c>causal</c>; out = A·V. The 1/√dₖ keeps the scores' spread independent of dₖ so the softmax does not
/// saturate. Forward caches X, Q, K, V and A (<see cref="Weights"/>). Backward overwrites the three gradients.
/// </remarks>
public sealed class ScaledDotProductSelfAttention : ILayer
{
    private readonly Parameter[] _parameters;
    private (Tensor X, Tensor Q, Tensor K, Tensor V, Tensor A)? _cache;

    public ScaledDotProductSelfAttention(int dModel, int dK, Rng rng, bool causal = false)
    {
        if (dModel < 1 || dK < 1) throw new ArgumentException($"ScaledDotProductSelfAttention: need dModel, dK ≥ 1, got ({dModel}, {dK}).");
        Wq = new Parameter("Wq", Course.Engine.Layers.Init.Xavier<double>(dModel, dK, rng));
        Wk = new Parameter("Wk", Course.Engine.Layers.Init.Xavier<double>(dModel, dK, rng));
        Wv = new Parameter("Wv", Course.Engine.Layers.Init.Xavier<double>(dModel, dK, rng));
        _parameters = [Wq, Wk, Wv];
        Causal = causal;
    }

    public Parameter Wq { get; }
    public Parameter Wk { get; }
    public Parameter Wv { get; }
    public bool Causal { get; }
    public int DModel => Wq.Value.Dim(1);
    public int DK => Wq.Value.Dim(0);
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Attention weights A (N, T, T) of the last Forward.</summary>
    public Tensor? Weights => _cache?.A;

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 3 || x.Dim(2) != DModel)
            throw new ArgumentException($"ScaledDotProductSelfAttention: expected input of shape (N, T, {DModel}), got {x.ShapeString}.");
        int n = x.Dim(0), steps = x.Dim(1), dk = DK;
        var x2 = x.Reshape(n * steps, DModel);
        var q = Ops.MatMul(x2, Wq.Value, transB: true);
        var k = Ops.MatMul(x2, Wk.Value, transB: true);
        var v = Ops.MatMul(x2, Wv.Value, transB: true);
        double scale = 1.0 / Math.Sqrt(dk);
        var a = Tensor.Zeros(n, steps, steps);
        var y = Tensor.Zeros(n, steps, dk);
        var qs = q.Span; var ks = k.Span; var vs = v.Span; var sa = a.Span; var ys = y.Span;
        for (int b = 0; b < n; b++)
            for (int t = 0; t < steps; t++)
            {
                var row = sa.Slice((b * steps + t) * steps, steps);
                for (int u = 0; u < steps; u++)
                {
                    double s = 0;
                    for (int j = 0; j < dk; j++) s += qs[(b * steps + t) * dk + j] * ks[(b * steps + u) * dk + j];
                    row[u] = s * scale;
                }
                int tt = t;
                Softmax.MaskedInPlace(row, u => Causal && u > tt, "ScaledDotProductSelfAttention");
                for (int u = 0; u < steps; u++)
                    for (int j = 0; j < dk; j++) ys[(b * steps + t) * dk + j] += row[u] * vs[(b * steps + u) * dk + j];
            }
        _cache = (x2.Clone(), q, k, v, a);
        return y;
    }

    public Tensor Backward(Tensor dOut)
    {
        var (x2, q, k, v, a) = _cache ?? throw new InvalidOperationException("ScaledDotProductSelfAttention.Backward called before Forward.");
        int n = a.Dim(0), steps = a.Dim(1), dk = DK;
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != steps || dOut.Dim(2) != dk)
            throw new ArgumentException($"ScaledDotProductSelfAttention.Backward: expected dOut of shape ({n}, {steps}, {dk}), got {dOut.ShapeString}.");
        double scale = 1.0 / Math.Sqrt(dk);
        var dq = Tensor.Zeros(n * steps, dk);
        var dkT = Tensor.Zeros(n * steps, dk);
        var dv = Tensor.Zeros(n * steps, dk);
        var qs = q.Span; var ks = k.Span; var vs = v.Span; var sa = a.Span; var dy = dOut.Span;
        var dqs = dq.Span; var dks = dkT.Span; var dvs = dv.Span;
        var da = new double[steps];
        for (int b = 0; b < n; b++)
            for (int t = 0; t < steps; t++)
            {
                int qt = b * steps + t;
                double dot = 0;
                for (int u = 0; u < steps; u++)
                {
                    int ku = b * steps + u;
                    double w = sa[qt * steps + u], s = 0;
                    for (int j = 0; j < dk; j++)
                    {
                        s += dy[qt * dk + j] * vs[ku * dk + j];
                        dvs[ku * dk + j] += w * dy[qt * dk + j];
                    }
                    da[u] = s;
                    dot += s * w;
                }
                for (int u = 0; u < steps; u++)
                {
                    int ku = b * steps + u;
                    double ds = sa[qt * steps + u] * (da[u] - dot) * scale;
                    for (int j = 0; j < dk; j++)
                    {
                        dqs[qt * dk + j] += ds * ks[ku * dk + j];
                        dks[ku * dk + j] += ds * qs[qt * dk + j];
                    }
                }
            }
        Wq.Grad = Ops.MatMul(dq, x2, transA: true);
        Wk.Grad = Ops.MatMul(dkT, x2, transA: true);
        Wv.Grad = Ops.MatMul(dv, x2, transA: true);
        var dx = Ops.MatMul(dq, Wq.Value) + Ops.MatMul(dkT, Wk.Value) + Ops.MatMul(dv, Wv.Value);
        return dx.Reshape(n, steps, DModel);
    }
}
