using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>One GRU step: (x, h) → h'.</summary>
/// <remarks>
/// x: (N, D), h: (N, H). Wx: (3H, D), Wh: (3H, H), bx, bh: (3H), gate blocks r, z, n (PyTorch). Parameters "Wx", "Wh", "bx", "bh".
/// r = σ(x·Wx_rᵀ + bx_r + h·Wh_rᵀ + bh_r); z likewise; n = tanh(x·Wx_nᵀ + bx_n + r⊙(h·Wh_nᵀ + bh_n)); h' = (1 − z)⊙n + z⊙h.
/// Forward caches x, h, the gate values and h·Whᵀ + bh. Backward ADDS to the parameter gradients (see <see cref="LstmCell{T}"/>).
/// </remarks>
public sealed class GruCell<T> : RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private (Tensor<T> X, Tensor<T> H, T[] Gates, T[] Gh)? _cache;

    public GruCell(int inputDim, int hiddenDim, Rng rng)
        : this(RecurrentWeights<T>.InputWeights(3, inputDim, hiddenDim, rng), RecurrentWeights<T>.HiddenWeights(3, hiddenDim, rng),
               Tensor<T>.Zeros(3 * hiddenDim), Tensor<T>.Zeros(3 * hiddenDim))
    {
    }

    public GruCell(Tensor<T> wx, Tensor<T> wh, Tensor<T> bx, Tensor<T> bh)
        : base(new RecurrentWeights<T>("GruCell", 3, wx, wh, bx, bh))
    {
    }

    public Parameter<T> Bx => Weights.B;
    public Parameter<T> Bh => Weights.Bh!;

    public Tensor<T> Forward(Tensor<T> x, Tensor<T> hPrev)
    {
        int d = InputDim, h = HiddenDim;
        if (x.Rank != 2 || x.Dim(1) != d)
            throw new ArgumentException($"GruCell: expected x of shape (N, {d}), got {x.ShapeString}.");
        int n = x.Dim(0);
        RecurrentShapes.Require("GruCell", "hPrev", hPrev, n, h);
        var gates = Ops.MatMul(x, Wx.Value, transB: true).ToArray();
        RowVector.AddToRows<T>(gates, n, 3 * h, Bx.Value.Span);
        var gh = Ops.MatMul(hPrev, Wh.Value, transB: true).ToArray();
        RowVector.AddToRows<T>(gh, n, 3 * h, Bh.Value.Span);
        var hNext = Tensor<T>.Zeros(n, h);
        GruMath.Forward<T>(gates, gh, hPrev.Span, hNext.Span, n, h);
        _cache = (x, hPrev, gates, gh);
        return hNext;
    }

    /// <summary>dh' → (dx, dh); adds this step's contribution to every parameter gradient.</summary>
    public (Tensor<T> DX, Tensor<T> DHPrev) Backward(Tensor<T> dH)
    {
        var (x, hPrev, gates, gh) = _cache ?? throw new InvalidOperationException("GruCell.Backward called before Forward.");
        int n = x.Dim(0), h = HiddenDim;
        RecurrentShapes.Require("GruCell.Backward", "dH", dH, n, h);
        var dGx = Tensor<T>.Zeros(n, 3 * h);
        var dGh = Tensor<T>.Zeros(n, 3 * h);
        var dhPrev = Tensor<T>.Zeros(n, h);
        GruMath.Backward<T>(gates, gh, hPrev.Span, dH.Span, dGx.Span, dGh.Span, dhPrev.Span, n, h);
        Wx.Grad.AddInPlace(Ops.MatMul(dGx, x, transA: true));
        Wh.Grad.AddInPlace(Ops.MatMul(dGh, hPrev, transA: true));
        Bx.Grad.AddInPlace(dGx.Sum(0));
        Bh.Grad.AddInPlace(dGh.Sum(0));
        dhPrev.AddInPlace(Ops.MatMul(dGh, Wh.Value));
        return (Ops.MatMul(dGx, Wx.Value), dhPrev);
    }
}
