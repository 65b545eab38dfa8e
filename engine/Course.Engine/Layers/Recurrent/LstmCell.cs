using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>One LSTM step: (x, h, c) → (h', c').</summary>
/// <remarks>
/// x: (N, D), h, c: (N, H). Wx: (4H, D), Wh: (4H, H), b: (4H), gate blocks i, f, g, o (PyTorch). Parameters "Wx", "Wh", "b".
/// i = σ(·), f = σ(·), g = tanh(·), o = σ(·) of x·Wxᵀ + h·Whᵀ + b; c' = f⊙c + i⊙g; h' = o⊙tanh(c').
/// Forward caches x, h, c, the gate values and tanh(c'). Unlike other layers, Backward ADDS to the parameter gradients
/// (a time loop calls it once per step; call <see cref="RecurrentLayer{T}.ZeroGrad"/> once per sequence) — CURRICULUM 6.4's documented exception.
/// </remarks>
public sealed class LstmCell<T> : RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private (Tensor<T> X, Tensor<T> H, Tensor<T> C, T[] Gates, T[] TanhC)? _cache;

    public LstmCell(int inputDim, int hiddenDim, Rng rng, double forgetBias = 1.0)
        : this(RecurrentWeights<T>.InputWeights(4, inputDim, hiddenDim, rng), RecurrentWeights<T>.HiddenWeights(4, hiddenDim, rng),
               RecurrentWeights<T>.LstmBias(hiddenDim, forgetBias))
    {
    }

    /// <summary>From explicit weights: wx (4H, D), wh (4H, H), b (4H).</summary>
    public LstmCell(Tensor<T> wx, Tensor<T> wh, Tensor<T> b)
        : base(new RecurrentWeights<T>("LstmCell", 4, wx, wh, b))
    {
    }

    public Parameter<T> B => Weights.B;

    public (Tensor<T> H, Tensor<T> C) Forward(Tensor<T> x, Tensor<T> hPrev, Tensor<T> cPrev)
    {
        int d = InputDim, h = HiddenDim;
        if (x.Rank != 2 || x.Dim(1) != d)
            throw new ArgumentException($"LstmCell: expected x of shape (N, {d}), got {x.ShapeString}.");
        int n = x.Dim(0);
        RecurrentShapes.Require("LstmCell", "hPrev", hPrev, n, h);
        RecurrentShapes.Require("LstmCell", "cPrev", cPrev, n, h);
        var a = Ops.MatMul(x, Wx.Value, transB: true) + Ops.MatMul(hPrev, Wh.Value, transB: true);
        var gates = a.ToArray();
        RowVector.AddToRows<T>(gates, n, 4 * h, B.Value.Span);
        LstmMath.Activate<T>(gates, n, h);
        var c = Tensor<T>.Zeros(n, h);
        var hNext = Tensor<T>.Zeros(n, h);
        var tanhC = new T[n * h];
        LstmMath.Cell<T>(gates, cPrev.Span, c.Span, tanhC, hNext.Span, n, h);
        _cache = (x, hPrev, cPrev, gates, tanhC);
        return (hNext, c);
    }

    /// <summary>(dh', dc') → (dx, dh, dc); adds this step's contribution to Wx, Wh and b gradients.</summary>
    public (Tensor<T> DX, Tensor<T> DHPrev, Tensor<T> DCPrev) Backward(Tensor<T> dH, Tensor<T> dC)
    {
        var (x, hPrev, cPrev, gates, tanhC) = _cache ?? throw new InvalidOperationException("LstmCell.Backward called before Forward.");
        int n = x.Dim(0), h = HiddenDim;
        RecurrentShapes.Require("LstmCell.Backward", "dH", dH, n, h);
        RecurrentShapes.Require("LstmCell.Backward", "dC", dC, n, h);
        var dA = Tensor<T>.Zeros(n, 4 * h);
        var dcPrev = dC.Clone();
        LstmMath.Backward<T>(gates, cPrev.Span, tanhC, dH.Span, dcPrev.Span, dA.Span, n, h);
        Wx.Grad.AddInPlace(Ops.MatMul(dA, x, transA: true));
        Wh.Grad.AddInPlace(Ops.MatMul(dA, hPrev, transA: true));
        B.Grad.AddInPlace(dA.Sum(0));
        return (Ops.MatMul(dA, Wx.Value), Ops.MatMul(dA, Wh.Value), dcPrev);
    }
}
