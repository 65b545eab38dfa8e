namespace Course.Day07;

/// <summary>Exercise 7.3 — one GRU step (lesson §7.3).</summary>
/// <remarks>
/// x: (N, D), h: (N, H). Wx (3H, D), Wh (3H, H), bx (3H), bh (3H), gate blocks r, z, n (PyTorch). Weights drawn in
/// order Wx ~ N(0, 1/D), Wh ~ N(0, 1/H) (Xavier); biases zero. Parameters "Wx", "Wh", "bx", "bh".
/// r = σ(x·Wx_rᵀ + bx_r + h·Wh_rᵀ + bh_r); z likewise; n = tanh(x·Wx_nᵀ + bx_n + r ⊙ (h·Wh_nᵀ + bh_n));
/// h' = (1 − z) ⊙ n + z ⊙ h. Backward ADDS to the parameter gradients; <see cref="ZeroGrad"/> starts a new sum.
/// </remarks>
public sealed class GruCell
{
    public GruCell(int inputDim, int hiddenDim, Rng rng) =>
        throw new NotImplementedException("GruCell: Wx、Wh の順に Xavier で引き、二つのバイアスは 0 から（lesson §7.3）。");

    /// <summary>A cell on the given weights (used, not copied).</summary>
    public GruCell(Tensor wx, Tensor wh, Tensor bx, Tensor bh) =>
        throw new NotImplementedException("GruCell: 形を確かめてから、与えられたテンソルをそのままパラメータにします（lesson §7.3）。");

    public Parameter Wx => throw new NotImplementedException("GruCell.Wx（lesson §7.3）。");
    public Parameter Wh => throw new NotImplementedException("GruCell.Wh（lesson §7.3）。");
    public Parameter Bx => throw new NotImplementedException("GruCell.Bx（lesson §7.3）。");
    public Parameter Bh => throw new NotImplementedException("GruCell.Bh（lesson §7.3）。");
    public int InputDim => throw new NotImplementedException("GruCell.InputDim（lesson §7.3）。");
    public int HiddenDim => throw new NotImplementedException("GruCell.HiddenDim（lesson §7.3）。");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("GruCell.Parameters: Wx, Wh, bx, bh（lesson §7.3）。");

    public void ZeroGrad() => throw new NotImplementedException("GruCell.ZeroGrad（lesson §7.3）。");

    public Tensor Forward(Tensor x, Tensor hPrev) =>
        throw new NotImplementedException(
            "GruCell.Forward: r と z はシグモイド、候補 n は tanh。r が掛かるのは h 側の n ブロック（バイアス bh 込み）です。z は前の状態を残す割合（lesson §7.3）。");

    /// <summary>dh' (N, H) → (dx, dhPrev); adds this step's share to every parameter gradient.</summary>
    public (Tensor DX, Tensor DHPrev) Backward(Tensor dH) =>
        throw new NotImplementedException(
            "GruCell.Backward: h' = (1 − z)n + z h を逆にたどります。x 側と h 側で n ブロックの勾配が r の分だけ違う点に注意（lesson §7.3）。");
}
