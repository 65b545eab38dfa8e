namespace Course.Engine.Layers;

/// <summary>Single-head scaled dot-product self-attention as a layer: Q = X·Wqᵀ, K = X·Wkᵀ, V = X·Wvᵀ, out = softmax(QKᵀ/√dₖ)·V.</summary>
/// <remarks>
/// X: (N, T, dModel) → (N, T, dₖ). Wq, Wk, Wv: (dₖ, dModel), parameters "Wq", "Wk", "Wv" (Xavier init).
/// <c>causal</c> hides keys after each query. Forward caches X and the inner <see cref="Attention"/> (weights exposed there).
/// </remarks>
public sealed class SelfAttention<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private Tensor<T>? _x;

    public SelfAttention(int dModel, int dK, Rng rng, bool causal = false)
    {
        Wq = new Parameter<T>("Wq", Init.Weights<T>(WeightInit.Xavier, dModel, rng, 0.01, dK, dModel));
        Wk = new Parameter<T>("Wk", Init.Weights<T>(WeightInit.Xavier, dModel, rng, 0.01, dK, dModel));
        Wv = new Parameter<T>("Wv", Init.Weights<T>(WeightInit.Xavier, dModel, rng, 0.01, dK, dModel));
        Attention = new ScaledDotProductAttention<T>(causal);
        _parameters = [Wq, Wk, Wv];
    }

    public Parameter<T> Wq { get; }
    public Parameter<T> Wk { get; }
    public Parameter<T> Wv { get; }
    public ScaledDotProductAttention<T> Attention { get; }
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        int dModel = Wq.Value.Dim(1), dK = Wq.Value.Dim(0);
        if (x.Rank != 3 || x.Dim(2) != dModel)
            throw new ArgumentException($"SelfAttention: expected input of shape (N, T, {dModel}), got {x.ShapeString}.");
        int n = x.Dim(0), t = x.Dim(1);
        var x2 = x.Reshape(-1, dModel);
        _x = x2;
        var q = Ops.MatMul(x2, Wq.Value, transB: true).Reshape(n, t, dK);
        var k = Ops.MatMul(x2, Wk.Value, transB: true).Reshape(n, t, dK);
        var v = Ops.MatMul(x2, Wv.Value, transB: true).Reshape(n, t, dK);
        return Attention.Forward(q, k, v);
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var x = _x ?? throw new InvalidOperationException("SelfAttention.Backward called before Forward.");
        int dK = Wq.Value.Dim(0);
        var (dq, dk, dv) = Attention.Backward(dOut);
        var dq2 = dq.Reshape(-1, dK);
        var dk2 = dk.Reshape(-1, dK);
        var dv2 = dv.Reshape(-1, dK);
        Wq.Grad = Ops.MatMul(dq2, x, transA: true);
        Wk.Grad = Ops.MatMul(dk2, x, transA: true);
        Wv.Grad = Ops.MatMul(dv2, x, transA: true);
        var dx = Ops.MatMul(dq2, Wq.Value) + Ops.MatMul(dk2, Wk.Value) + Ops.MatMul(dv2, Wv.Value);
        return dx.Reshape(dOut.Dim(0), dOut.Dim(1), x.Dim(1));
    }
}
