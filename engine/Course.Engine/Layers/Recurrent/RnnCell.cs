using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>One vanilla RNN step: hₜ = tanh(x·Wxᵀ + hₜ₋₁·Whᵀ + b).</summary>
/// <remarks>
/// x: (N, D), h: (N, H). Wx: (H, D), Wh: (H, H), b: (H); parameters "Wx", "Wh", "b". Forward caches x, hₜ₋₁ and hₜ.
/// Backward ADDS to the parameter gradients (a time loop calls it once per step; <see cref="RecurrentLayer{T}.ZeroGrad"/> once per sequence).
/// </remarks>
public sealed class RnnCell<T> : RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private (Tensor<T> X, Tensor<T> HPrev, Tensor<T> H)? _cache;

    public RnnCell(int inputDim, int hiddenDim, Rng rng)
        : this(RecurrentWeights<T>.InputWeights(1, inputDim, hiddenDim, rng), RecurrentWeights<T>.HiddenWeights(1, hiddenDim, rng),
               Tensor<T>.Zeros(hiddenDim))
    {
    }

    public RnnCell(Tensor<T> wx, Tensor<T> wh, Tensor<T> b)
        : base(new RecurrentWeights<T>("RnnCell", 1, wx, wh, b))
    {
    }

    public Parameter<T> B => Weights.B;

    public Tensor<T> Forward(Tensor<T> x, Tensor<T> hPrev)
    {
        if (x.Rank != 2 || x.Dim(1) != InputDim)
            throw new ArgumentException($"RnnCell: expected x of shape (N, {InputDim}), got {x.ShapeString}.");
        RecurrentShapes.Require("RnnCell", "hPrev", hPrev, x.Dim(0), HiddenDim);
        var a = Ops.MatMul(x, Wx.Value, transB: true) + Ops.MatMul(hPrev, Wh.Value, transB: true);
        RowVector.AddToRows<T>(a.Span, x.Dim(0), HiddenDim, B.Value.Span);
        var h = Ops.Tanh(a);
        _cache = (x, hPrev, h);
        return h;
    }

    /// <summary>dhₜ → (dx, dhₜ₋₁ = (dh⊙(1 − h²))·Wh); adds to the parameter gradients.</summary>
    public (Tensor<T> DX, Tensor<T> DHPrev) Backward(Tensor<T> dH)
    {
        var (x, hPrev, h) = _cache ?? throw new InvalidOperationException("RnnCell.Backward called before Forward.");
        RecurrentShapes.Require("RnnCell.Backward", "dH", dH, x.Dim(0), HiddenDim);
        var da = dH * (T.One - h * h);
        Wx.Grad.AddInPlace(Ops.MatMul(da, x, transA: true));
        Wh.Grad.AddInPlace(Ops.MatMul(da, hPrev, transA: true));
        B.Grad.AddInPlace(da.Sum(0));
        return (Ops.MatMul(da, Wx.Value), Ops.MatMul(da, Wh.Value));
    }
}
