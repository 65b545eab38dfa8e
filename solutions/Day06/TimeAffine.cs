namespace Course.Day06;

/// <summary>Exercise 6.5 — the same affine map at every time step, (N, T, H) → (N, T, V), Y = X·Wᵀ + b (lesson §6.5).</summary>
/// <remarks>
/// W: (outDim, inDim) drawn as <c>rng.Normal(√(1/inDim), outDim, inDim)</c> (Xavier), b: (outDim) zeros; parameters
/// "W", "b". Reshape to (N·T, H), do one product, reshape back; Backward sums the gradients over N and T.
/// </remarks>
public sealed class TimeAffine : ILayer
{
    private readonly Parameter[] _parameters;
    private Tensor? _x;

    public TimeAffine(int inDim, int outDim, Rng rng)
    {
        if (inDim < 1 || outDim < 1) throw new ArgumentException($"TimeAffine: need inDim, outDim ≥ 1, got ({inDim}, {outDim}).");
        ArgumentNullException.ThrowIfNull(rng);
        W = new Parameter("W", rng.Normal(Math.Sqrt(1.0 / inDim), outDim, inDim));
        B = new Parameter("b", Tensor.Zeros(outDim));
        _parameters = [W, B];
    }

    public Parameter W { get; }
    public Parameter B { get; }
    public IReadOnlyList<Parameter> Parameters => _parameters;

    public Tensor Forward(Tensor x, bool training = true)
    {
        int h = W.Value.Dim(1), v = W.Value.Dim(0);
        if (x.Rank != 3 || x.Dim(2) != h)
            throw new ArgumentException($"TimeAffine: expected input of shape (N, T, {h}), got {x.ShapeString}.");
        var x2 = x.Clone().Reshape(-1, h);
        _x = x2;
        var y = Ops.MatMul(x2, W.Value, transB: true);
        var ys = y.Span;
        var b = B.Value.Span;
        for (int r = 0; r < x2.Dim(0); r++)
            for (int j = 0; j < v; j++) ys[r * v + j] += b[j];
        return y.Reshape(x.Dim(0), x.Dim(1), v);
    }

    public Tensor Backward(Tensor dOut)
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
