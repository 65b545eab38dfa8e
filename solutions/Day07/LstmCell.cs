namespace Course.Day07;

/// <summary>Exercise 7.4 — one LSTM step (lesson §7.4).</summary>
/// <remarks>
/// x: (N, D), h, c: (N, H). Wx (4H, D), Wh (4H, H), b (4H), gate blocks i, f, g, o (PyTorch). Weights drawn in order
/// Wx ~ N(0, 1/D), Wh ~ N(0, 1/H) (Xavier); b zero except its f block, which starts at forgetBias so the cell
/// remembers by default. Parameters "Wx", "Wh", "b". i, f, o = σ(·), g = tanh(·) of x·Wxᵀ + h·Whᵀ + b;
/// c' = f ⊙ c + i ⊙ g; h' = o ⊙ tanh(c'). Backward ADDS to the parameter gradients; <see cref="ZeroGrad"/> starts a new sum.
/// </remarks>
public sealed class LstmCell
{
    private readonly Parameter[] _parameters;
    private (Tensor X, Tensor HPrev, Tensor CPrev, double[] Gate, double[] TanhC)? _cache;

    public LstmCell(int inputDim, int hiddenDim, Rng rng, double forgetBias = 1.0)
        : this(Course.Engine.Layers.Init.Xavier<double>(inputDim, 4 * hiddenDim, rng),
               Course.Engine.Layers.Init.Xavier<double>(hiddenDim, 4 * hiddenDim, rng),
               ForgetBias(hiddenDim, forgetBias))
    {
    }

    /// <summary>A cell on the given weights (used, not copied).</summary>
    public LstmCell(Tensor wx, Tensor wh, Tensor b)
        : this(new Parameter("Wx", wx), new Parameter("Wh", wh), new Parameter("b", b))
    {
        ZeroGrad();
    }

    /// <summary>A cell on shared parameters: every step of <see cref="TimeLstm"/> adds into the same gradients.</summary>
    internal LstmCell(Parameter wx, Parameter wh, Parameter b)
    {
        int h = wh.Value.Rank == 2 ? wh.Value.Dim(1) : -1;
        if (h < 1 || wh.Value.Dim(0) != 4 * h || wx.Value.Rank != 2 || wx.Value.Dim(0) != 4 * h || b.Value.Rank != 1 || b.Value.Dim(0) != 4 * h)
            throw new ArgumentException($"LstmCell: expected Wx (4H, D), Wh (4H, H), b (4H); got {wx.Value.ShapeString}, {wh.Value.ShapeString}, {b.Value.ShapeString}.");
        (Wx, Wh, B) = (wx, wh, b);
        _parameters = [Wx, Wh, B];
    }

    public Parameter Wx { get; }
    public Parameter Wh { get; }
    public Parameter B { get; }
    public int InputDim => Wx.Value.Dim(1);
    public int HiddenDim => Wh.Value.Dim(1);
    public IReadOnlyList<Parameter> Parameters => _parameters;

    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.Grad = Tensor.ZerosLike(p.Value);
    }

    public (Tensor H, Tensor C) Forward(Tensor x, Tensor hPrev, Tensor cPrev)
    {
        int d = InputDim, h = HiddenDim;
        if (x.Rank != 2 || x.Dim(1) != d)
            throw new ArgumentException($"LstmCell: expected x of shape (N, {d}), got {x.ShapeString}.");
        int n = x.Dim(0);
        if (hPrev.Rank != 2 || hPrev.Dim(0) != n || hPrev.Dim(1) != h)
            throw new ArgumentException($"LstmCell: expected hPrev of shape ({n}, {h}), got {hPrev.ShapeString}.");
        if (cPrev.Rank != 2 || cPrev.Dim(0) != n || cPrev.Dim(1) != h)
            throw new ArgumentException($"LstmCell: expected cPrev of shape ({n}, {h}), got {cPrev.ShapeString}.");
        var a = (Ops.MatMul(x, Wx.Value, transB: true) + Ops.MatMul(hPrev, Wh.Value, transB: true)).ToArray();
        var b = B.Value.Span;
        var cp = cPrev.Span;
        var hNext = Tensor.Zeros(n, h);
        var cNext = Tensor.Zeros(n, h);
        var hs = hNext.Span;
        var cs = cNext.Span;
        var tanhC = new double[n * h];
        for (int r = 0; r < n; r++)
        {
            int g0 = r * 4 * h;
            for (int j = 0; j < h; j++)
            {
                a[g0 + j] = Gates.Sigmoid(a[g0 + j] + b[j]);                          // i
                a[g0 + h + j] = Gates.Sigmoid(a[g0 + h + j] + b[h + j]);              // f
                a[g0 + 2 * h + j] = Math.Tanh(a[g0 + 2 * h + j] + b[2 * h + j]);      // g
                a[g0 + 3 * h + j] = Gates.Sigmoid(a[g0 + 3 * h + j] + b[3 * h + j]);  // o
                int k = r * h + j;
                cs[k] = a[g0 + h + j] * cp[k] + a[g0 + j] * a[g0 + 2 * h + j];
                tanhC[k] = Math.Tanh(cs[k]);
                hs[k] = a[g0 + 3 * h + j] * tanhC[k];
            }
        }
        _cache = (x.Clone(), hPrev.Clone(), cPrev.Clone(), a, tanhC);
        return (hNext, cNext);
    }

    /// <summary>(dh', dc') → (dx, dh, dc); adds this step's share to every parameter gradient.</summary>
    public (Tensor DX, Tensor DHPrev, Tensor DCPrev) Backward(Tensor dH, Tensor dC)
    {
        var (x, hPrev, cPrev, gate, tanhC) = _cache ?? throw new InvalidOperationException("LstmCell.Backward called before Forward.");
        int n = x.Dim(0), h = HiddenDim;
        if (dH.Rank != 2 || dH.Dim(0) != n || dH.Dim(1) != h)
            throw new ArgumentException($"LstmCell.Backward: expected dH of shape ({n}, {h}), got {dH.ShapeString}.");
        if (dC.Rank != 2 || dC.Dim(0) != n || dC.Dim(1) != h)
            throw new ArgumentException($"LstmCell.Backward: expected dC of shape ({n}, {h}), got {dC.ShapeString}.");
        var da = Tensor.Zeros(n, 4 * h);
        var dcPrev = Tensor.Zeros(n, h);
        var s = da.Span;
        var dcp = dcPrev.Span;
        var dh = dH.Span;
        var dcIn = dC.Span;
        var cp = cPrev.Span;
        for (int r = 0; r < n; r++)
        {
            int g0 = r * 4 * h;
            for (int j = 0; j < h; j++)
            {
                int k = r * h + j;
                double i = gate[g0 + j], f = gate[g0 + h + j], g = gate[g0 + 2 * h + j], o = gate[g0 + 3 * h + j];
                // the cell state is the additive path: dc reaches c unchanged except for the factor f
                double dc = dcIn[k] + dh[k] * o * (1 - tanhC[k] * tanhC[k]);
                dcp[k] = dc * f;
                s[g0 + j] = dc * g * i * (1 - i);
                s[g0 + h + j] = dc * cp[k] * f * (1 - f);
                s[g0 + 2 * h + j] = dc * i * (1 - g * g);
                s[g0 + 3 * h + j] = dh[k] * tanhC[k] * o * (1 - o);
            }
        }
        Wx.Grad.AddInPlace(Ops.MatMul(da, x, transA: true));
        Wh.Grad.AddInPlace(Ops.MatMul(da, hPrev, transA: true));
        B.Grad.AddInPlace(da.Sum(0));
        return (Ops.MatMul(da, Wx.Value), Ops.MatMul(da, Wh.Value), dcPrev);
    }

    private static Tensor ForgetBias(int hiddenDim, double forgetBias)
    {
        var b = Tensor.Zeros(4 * hiddenDim);
        b.Span.Slice(hiddenDim, hiddenDim).Fill(forgetBias);
        return b;
    }
}
