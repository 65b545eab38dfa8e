namespace Course.Day06;

/// <summary>Exercise 6.4 — one step of a vanilla RNN, hₜ = tanh(xₜ·Wxᵀ + hₜ₋₁·Whᵀ + b) (lesson §6.4).</summary>
/// <remarks>
/// x: (N, D), hₜ₋₁: (N, H). Wx: (H, D) drawn as <c>rng.Normal(√(1/D), H, D)</c>, then Wh: (H, H) as
/// <c>rng.Normal(√(1/H), H, H)</c> (Xavier), b: (H) zeros; parameters "Wx", "Wh", "b". Forward caches x, hₜ₋₁ and hₜ.
/// Backward ADDS to the parameter gradients instead of overwriting them: a time loop calls it once per step and
/// the sum over steps is the gradient of the shared weights; <see cref="ZeroGrad"/> starts a new sum.
/// </remarks>
public sealed class RnnCell
{
    private readonly Parameter[] _parameters;
    private (Tensor X, Tensor HPrev, Tensor H)? _cache;

    public RnnCell(int inputDim, int hiddenDim, Rng rng)
    {
        if (inputDim < 1 || hiddenDim < 1) throw new ArgumentException($"RnnCell: need inputDim, hiddenDim ≥ 1, got ({inputDim}, {hiddenDim}).");
        ArgumentNullException.ThrowIfNull(rng);
        var wx = rng.Normal(Math.Sqrt(1.0 / inputDim), hiddenDim, inputDim);
        var wh = rng.Normal(Math.Sqrt(1.0 / hiddenDim), hiddenDim, hiddenDim);
        (Wx, Wh, B) = (new Parameter("Wx", wx), new Parameter("Wh", wh), new Parameter("b", Tensor.Zeros(hiddenDim)));
        _parameters = [Wx, Wh, B];
    }

    /// <summary>A cell on the given weights Wx (H, D), Wh (H, H), b (H) — the tensors are used, not copied.</summary>
    public RnnCell(Tensor wx, Tensor wh, Tensor b)
    {
        if (wx.Rank != 2 || wh.Rank != 2 || b.Rank != 1 || wh.Dim(0) != wh.Dim(1) || wx.Dim(0) != wh.Dim(0) || b.Dim(0) != wh.Dim(0))
            throw new ArgumentException($"RnnCell: expected Wx (H, D), Wh (H, H), b (H); got {wx.ShapeString}, {wh.ShapeString}, {b.ShapeString}.");
        (Wx, Wh, B) = (new Parameter("Wx", wx), new Parameter("Wh", wh), new Parameter("b", b));
        _parameters = [Wx, Wh, B];
    }

    /// <summary>A cell on shared parameters: a time loop gives every step the same three, so the steps add into one gradient.</summary>
    internal RnnCell(Parameter wx, Parameter wh, Parameter b)
    {
        (Wx, Wh, B) = (wx, wh, b);
        _parameters = [Wx, Wh, B];
    }

    public Parameter Wx { get; }
    public Parameter Wh { get; }
    public Parameter B { get; }
    public int InputDim => Wx.Value.Dim(1);
    public int HiddenDim => Wh.Value.Dim(0);
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Sets every parameter gradient to zeros of its value's shape.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.Grad = Tensor.ZerosLike(p.Value);
    }

    public Tensor Forward(Tensor x, Tensor hPrev)
    {
        if (x.Rank != 2 || x.Dim(1) != InputDim)
            throw new ArgumentException($"RnnCell: expected x of shape (N, {InputDim}), got {x.ShapeString}.");
        if (hPrev.Rank != 2 || hPrev.Dim(0) != x.Dim(0) || hPrev.Dim(1) != HiddenDim)
            throw new ArgumentException($"RnnCell: expected hPrev of shape ({x.Dim(0)}, {HiddenDim}), got {hPrev.ShapeString}.");
        var a = Ops.MatMul(x, Wx.Value, transB: true) + Ops.MatMul(hPrev, Wh.Value, transB: true);
        int n = x.Dim(0), h = HiddenDim;
        var s = a.Span;
        var b = B.Value.Span;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < h; j++)
                s[i * h + j] = Math.Tanh(s[i * h + j] + b[j]);
        _cache = (x.Clone(), hPrev.Clone(), a.Clone());
        return a;
    }

    /// <summary>dhₜ (N, H) → (dx = da·Wx, dhₜ₋₁ = da·Wh) with da = dhₜ ⊙ (1 − hₜ²); adds da ᵀ·x, daᵀ·hₜ₋₁ and Σ da to the gradients.</summary>
    public (Tensor DX, Tensor DHPrev) Backward(Tensor dH)
    {
        var (x, hPrev, h) = _cache ?? throw new InvalidOperationException("RnnCell.Backward called before Forward.");
        if (!dH.SameShape(h))
            throw new ArgumentException($"RnnCell.Backward: expected dH of shape {h.ShapeString}, got {dH.ShapeString}.");
        var da = dH * (1.0 - h * h);
        Wx.Grad.AddInPlace(Ops.MatMul(da, x, transA: true));
        Wh.Grad.AddInPlace(Ops.MatMul(da, hPrev, transA: true));
        B.Grad.AddInPlace(da.Sum(0));
        return (Ops.MatMul(da, Wx.Value), Ops.MatMul(da, Wh.Value));
    }
}
