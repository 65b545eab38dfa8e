namespace Course.Day07;

/// <summary>Exercise 7.3 — one GRU step (lesson §7.3).</summary>
/// <remarks>
/// x: (N, D), h: (N, H). Wx (3H, D), Wh (3H, H), bx (3H), bh (3H), gate blocks r, z, n (PyTorch). Weights drawn in
/// order Wx ~ N(0, 1/D), Wh ~ N(0, 1/H) (Xavier); biases zero. Parameters "Wx", "Wh", "bx", "bh".
/// r = σ(x·Wx_rᵀ + bx_r + h·Wh_rᵀ + bh_r); z likewise; n = tanh(x·Wx_nᵀ + bx_n + r ⊙ (h·Wh_nᵀ + bh_n));
/// h' = (1 − z) ⊙ n + z ⊙ h. bh is separate from bx because r multiplies h·Wh_nᵀ + bh_n.
/// Backward ADDS to the parameter gradients (a time loop sums the steps); <see cref="ZeroGrad"/> starts a new sum.
/// </remarks>
public sealed class GruCell
{
    private readonly Parameter[] _parameters;
    private (Tensor X, Tensor HPrev, double[] R, double[] Z, double[] Nn, double[] Ghn)? _cache;

    public GruCell(int inputDim, int hiddenDim, Rng rng)
        : this(Course.Engine.Layers.Init.Xavier<double>(inputDim, 3 * hiddenDim, rng),
               Course.Engine.Layers.Init.Xavier<double>(hiddenDim, 3 * hiddenDim, rng),
               Tensor.Zeros(3 * hiddenDim), Tensor.Zeros(3 * hiddenDim))
    {
    }

    /// <summary>A cell on the given weights (used, not copied).</summary>
    public GruCell(Tensor wx, Tensor wh, Tensor bx, Tensor bh)
    {
        int h = wh.Rank == 2 ? wh.Dim(1) : -1;
        if (h < 1 || wh.Dim(0) != 3 * h || wx.Rank != 2 || wx.Dim(0) != 3 * h || bx.Rank != 1 || bx.Dim(0) != 3 * h || bh.Rank != 1 || bh.Dim(0) != 3 * h)
            throw new ArgumentException($"GruCell: expected Wx (3H, D), Wh (3H, H), bx (3H), bh (3H); got {wx.ShapeString}, {wh.ShapeString}, {bx.ShapeString}, {bh.ShapeString}.");
        (Wx, Wh, Bx, Bh) = (new Parameter("Wx", wx), new Parameter("Wh", wh), new Parameter("bx", bx), new Parameter("bh", bh));
        _parameters = [Wx, Wh, Bx, Bh];
        ZeroGrad();
    }

    public Parameter Wx { get; }
    public Parameter Wh { get; }
    public Parameter Bx { get; }
    public Parameter Bh { get; }
    public int InputDim => Wx.Value.Dim(1);
    public int HiddenDim => Wh.Value.Dim(1);
    public IReadOnlyList<Parameter> Parameters => _parameters;

    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.Grad = Tensor.ZerosLike(p.Value);
    }

    public Tensor Forward(Tensor x, Tensor hPrev)
    {
        int d = InputDim, h = HiddenDim;
        if (x.Rank != 2 || x.Dim(1) != d)
            throw new ArgumentException($"GruCell: expected x of shape (N, {d}), got {x.ShapeString}.");
        int n = x.Dim(0);
        if (hPrev.Rank != 2 || hPrev.Dim(0) != n || hPrev.Dim(1) != h)
            throw new ArgumentException($"GruCell: expected hPrev of shape ({n}, {h}), got {hPrev.ShapeString}.");
        var gx = Ops.MatMul(x, Wx.Value, transB: true).Span;
        var gh = Ops.MatMul(hPrev, Wh.Value, transB: true).Span;
        var bx = Bx.Value.Span;
        var bh = Bh.Value.Span;
        var hp = hPrev.Span;
        var hNext = Tensor.Zeros(n, h);
        var hs = hNext.Span;
        double[] r = new double[n * h], z = new double[n * h], nn = new double[n * h], ghn = new double[n * h];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < h; j++)
            {
                int g = i * 3 * h, k = i * h + j;
                r[k] = Gates.Sigmoid(gx[g + j] + bx[j] + gh[g + j] + bh[j]);
                z[k] = Gates.Sigmoid(gx[g + h + j] + bx[h + j] + gh[g + h + j] + bh[h + j]);
                ghn[k] = gh[g + 2 * h + j] + bh[2 * h + j];
                nn[k] = Math.Tanh(gx[g + 2 * h + j] + bx[2 * h + j] + r[k] * ghn[k]);
                hs[k] = (1 - z[k]) * nn[k] + z[k] * hp[k];
            }
        _cache = (x.Clone(), hPrev.Clone(), r, z, nn, ghn);
        return hNext;
    }

    /// <summary>dh' (N, H) → (dx, dhPrev); adds this step's share to every parameter gradient.</summary>
    public (Tensor DX, Tensor DHPrev) Backward(Tensor dH)
    {
        var (x, hPrev, r, z, nn, ghn) = _cache ?? throw new InvalidOperationException("GruCell.Backward called before Forward.");
        int n = x.Dim(0), h = HiddenDim;
        if (dH.Rank != 2 || dH.Dim(0) != n || dH.Dim(1) != h)
            throw new ArgumentException($"GruCell.Backward: expected dH of shape ({n}, {h}), got {dH.ShapeString}.");
        var dgx = Tensor.Zeros(n, 3 * h);   // gradient w.r.t. the pre-activations on the x side
        var dgh = Tensor.Zeros(n, 3 * h);   // … and on the h side (differs from dgx only in the n block)
        var dhPrev = Tensor.Zeros(n, h);
        var sx = dgx.Span;
        var sh = dgh.Span;
        var dhp = dhPrev.Span;
        var dh = dH.Span;
        var hp = hPrev.Span;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < h; j++)
            {
                int g = i * 3 * h, k = i * h + j;
                double dn = dh[k] * (1 - z[k]);
                double dz = dh[k] * (hp[k] - nn[k]);
                dhp[k] = dh[k] * z[k];
                double dan = dn * (1 - nn[k] * nn[k]);
                double dr = dan * ghn[k];
                double daz = dz * z[k] * (1 - z[k]);
                double dar = dr * r[k] * (1 - r[k]);
                sx[g + j] = dar; sh[g + j] = dar;
                sx[g + h + j] = daz; sh[g + h + j] = daz;
                sx[g + 2 * h + j] = dan; sh[g + 2 * h + j] = dan * r[k];
            }
        Wx.Grad.AddInPlace(Ops.MatMul(dgx, x, transA: true));
        Wh.Grad.AddInPlace(Ops.MatMul(dgh, hPrev, transA: true));
        Bx.Grad.AddInPlace(dgx.Sum(0));
        Bh.Grad.AddInPlace(dgh.Sum(0));
        return (Ops.MatMul(dgx, Wx.Value), dhPrev + Ops.MatMul(dgh, Wh.Value));
    }
}
