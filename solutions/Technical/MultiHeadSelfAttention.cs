namespace Cert.Technical;

/// <summary>
/// T4 variant mhsa: self-attention with <c>heads</c> heads. Q = X·Wqᵀ, K = X·Wkᵀ, V = X·Wvᵀ (each (N, T, dModel)) are
/// split into heads of dModel/heads columns; per head A = softmax(Q_h K_hᵀ / √d_h) (with <c>causal</c>, position i
/// attends to j ≤ i only), O_h = A V_h; the heads are concatenated back to (N, T, dModel) and Y = O·Woᵀ.
/// </summary>
/// <remarks>Wq, Wk, Wv, Wo are (dModel, dModel), no biases, drawn N(0, 1/dModel) from forks of the given Rng.
/// Backward overwrites the four gradients.</remarks>
public sealed class MultiHeadSelfAttention : ILayer
{
    private (Tensor X, Tensor Q, Tensor K, Tensor V, double[] A, Tensor O)? _cache;

    public MultiHeadSelfAttention(int dModel, int heads, bool causal, Rng rng)
    {
        if (heads < 1 || dModel % heads != 0) throw new ArgumentException($"MultiHeadSelfAttention: dModel {dModel} must be a multiple of heads {heads}.");
        ArgumentNullException.ThrowIfNull(rng);
        var std = Math.Sqrt(1.0 / dModel);
        Wq = new Parameter("Wq", rng.Fork("Wq").Normal(std, dModel, dModel));
        Wk = new Parameter("Wk", rng.Fork("Wk").Normal(std, dModel, dModel));
        Wv = new Parameter("Wv", rng.Fork("Wv").Normal(std, dModel, dModel));
        Wo = new Parameter("Wo", rng.Fork("Wo").Normal(std, dModel, dModel));
        (DModel, Heads, Causal) = (dModel, heads, causal);
    }

    public int DModel { get; }
    public int Heads { get; }
    public bool Causal { get; }
    public Parameter Wq { get; }
    public Parameter Wk { get; }
    public Parameter Wv { get; }
    public Parameter Wo { get; }
    public IReadOnlyList<Parameter> Parameters => [Wq, Wk, Wv, Wo];

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 3 || x.Dim(2) != DModel)
            throw new ArgumentException($"MultiHeadSelfAttention: expected input of shape (N, T, {DModel}), got {x.ShapeString}.");
        int n = x.Dim(0), t = x.Dim(1), d = DModel, dh = d / Heads;
        var flat = x.Clone().Reshape(n * t, d);
        var q = Ops.MatMul(flat, Wq.Value, transB: true);
        var k = Ops.MatMul(flat, Wk.Value, transB: true);
        var v = Ops.MatMul(flat, Wv.Value, transB: true);
        var a = new double[n * Heads * t * t];
        var o = Tensor.Zeros(n * t, d);
        var scale = 1.0 / Math.Sqrt(dh);
        var qs = q.Span;
        var ks = k.Span;
        var vs = v.Span;
        var os = o.Span;
        for (int b = 0; b < n; b++)
            for (int hd = 0; hd < Heads; hd++)
                for (int i = 0; i < t; i++)
                {
                    var row = a.AsSpan(((b * Heads + hd) * t + i) * t, t);
                    int last = Causal ? i : t - 1;
                    double max = double.NegativeInfinity;
                    for (int j = 0; j <= last; j++)
                    {
                        double s = 0;
                        for (int c = 0; c < dh; c++) s += qs[(b * t + i) * d + hd * dh + c] * ks[(b * t + j) * d + hd * dh + c];
                        row[j] = s * scale;
                        max = Math.Max(max, row[j]);
                    }
                    double z = 0;
                    for (int j = 0; j <= last; j++) z += row[j] = Math.Exp(row[j] - max);
                    for (int j = 0; j <= last; j++) row[j] /= z;
                    for (int j = 0; j <= last; j++)
                        for (int c = 0; c < dh; c++)
                            os[(b * t + i) * d + hd * dh + c] += row[j] * vs[(b * t + j) * d + hd * dh + c];
                }
        _cache = (flat, q, k, v, a, o);
        return Ops.MatMul(o, Wo.Value, transB: true).Reshape(n, t, d);
    }

    public Tensor Backward(Tensor dOut)
    {
        var (x, q, k, v, a, o) = _cache ?? throw new InvalidOperationException("MultiHeadSelfAttention.Backward called before Forward.");
        int d = DModel, dh = d / Heads, rows = x.Dim(0);
        if (dOut.Rank != 3 || dOut.Dim(2) != d || dOut.Dim(0) * dOut.Dim(1) != rows)
            throw new ArgumentException($"MultiHeadSelfAttention.Backward: expected dOut of shape (N, T, {d}) with N·T = {rows}, got {dOut.ShapeString}.");
        int n = dOut.Dim(0), t = dOut.Dim(1);
        var dy = dOut.Clone().Reshape(rows, d);
        Wo.Grad = Ops.MatMul(dy, o, transA: true);
        var dO = Ops.MatMul(dy, Wo.Value);
        var (dQ, dK, dV) = (Tensor.Zeros(rows, d), Tensor.Zeros(rows, d), Tensor.Zeros(rows, d));
        var qs = q.Span;
        var ks = k.Span;
        var vs = v.Span;
        var dos = dO.Span;
        var dqs = dQ.Span;
        var dks = dK.Span;
        var dvs = dV.Span;
        var scale = 1.0 / Math.Sqrt(dh);
        var dA = new double[t];
        for (int b = 0; b < n; b++)
            for (int hd = 0; hd < Heads; hd++)
                for (int i = 0; i < t; i++)
                {
                    var row = a.AsSpan(((b * Heads + hd) * t + i) * t, t);
                    int last = Causal ? i : t - 1;
                    double dot = 0;
                    for (int j = 0; j <= last; j++)
                    {
                        double s = 0;
                        for (int c = 0; c < dh; c++)
                        {
                            s += dos[(b * t + i) * d + hd * dh + c] * vs[(b * t + j) * d + hd * dh + c];
                            dvs[(b * t + j) * d + hd * dh + c] += row[j] * dos[(b * t + i) * d + hd * dh + c];
                        }
                        dA[j] = s;
                        dot += row[j] * s;
                    }
                    for (int j = 0; j <= last; j++)
                    {
                        var dS = row[j] * (dA[j] - dot) * scale;
                        for (int c = 0; c < dh; c++)
                        {
                            dqs[(b * t + i) * d + hd * dh + c] += dS * ks[(b * t + j) * d + hd * dh + c];
                            dks[(b * t + j) * d + hd * dh + c] += dS * qs[(b * t + i) * d + hd * dh + c];
                        }
                    }
                }
        Wq.Grad = Ops.MatMul(dQ, x, transA: true);
        Wk.Grad = Ops.MatMul(dK, x, transA: true);
        Wv.Grad = Ops.MatMul(dV, x, transA: true);
        var dx = Ops.MatMul(dQ, Wq.Value) + Ops.MatMul(dK, Wk.Value) + Ops.MatMul(dV, Wv.Value);
        return dx.Reshape(n, t, d);
    }
}
