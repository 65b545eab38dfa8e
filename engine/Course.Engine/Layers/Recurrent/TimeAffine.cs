namespace Course.Engine.Layers;

/// <summary>The same affine map applied at every time step: (N, T, H) → (N, T, V), Y = X·Wᵀ + b.</summary>
/// <remarks>W: (V, H), b: (V); parameters "W", "b". Forward caches X (as (N·T, H)); Backward sums over N and T.</remarks>
public sealed class TimeAffine<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private Tensor<T>? _x;

    public TimeAffine(int inDim, int outDim, Rng rng, WeightInit init = WeightInit.Xavier)
        : this(Init.Weights<T>(init, inDim, rng, 0.01, outDim, inDim), Tensor<T>.Zeros(outDim)) { }

    public TimeAffine(Tensor<T> w, Tensor<T> b)
    {
        if (w.Rank != 2 || b.Rank != 1 || b.Dim(0) != w.Dim(0))
            throw new ArgumentException($"TimeAffine: expected W (V, H) and b (V), got {w.ShapeString} and {b.ShapeString}.");
        W = new Parameter<T>("W", w);
        B = new Parameter<T>("b", b);
        _parameters = [W, B];
    }

    public Parameter<T> W { get; }
    public Parameter<T> B { get; }
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        int h = W.Value.Dim(1), v = W.Value.Dim(0);
        if (x.Rank != 3 || x.Dim(2) != h)
            throw new ArgumentException($"TimeAffine: expected input of shape (N, T, {h}), got {x.ShapeString}.");
        var x2 = x.Reshape(-1, h);
        _x = x2;
        var y = Ops.MatMul(x2, W.Value, transB: true);
        Kernels.RowVector.AddToRows<T>(y.Span, x2.Dim(0), v, B.Value.Span);
        return y.Reshape(x.Dim(0), x.Dim(1), v);
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var x = _x ?? throw new InvalidOperationException("TimeAffine.Backward called before Forward.");
        int v = W.Value.Dim(0);
        if (dOut.Rank != 3 || dOut.Dim(0) * dOut.Dim(1) != x.Dim(0) || dOut.Dim(2) != v)
            throw new ArgumentException($"TimeAffine.Backward: expected dOut of shape (N, T, {v}) with N·T = {x.Dim(0)}, got {dOut.ShapeString}.");
        var d2 = dOut.Reshape(-1, v);
        W.Grad = Ops.MatMul(d2, x, transA: true);
        B.Grad = d2.Sum(0);
        return Ops.MatMul(d2, W.Value).Reshape(dOut.Dim(0), dOut.Dim(1), x.Dim(1));
    }
}
