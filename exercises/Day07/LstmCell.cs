namespace Course.Day07;

/// <summary>Exercise 7.4 — one LSTM step (lesson §7.4).</summary>
/// <remarks>
/// x: (N, D), h, c: (N, H). Wx (4H, D), Wh (4H, H), b (4H), gate blocks i, f, g, o (PyTorch). Weights drawn in order
/// Wx ~ N(0, 1/D), Wh ~ N(0, 1/H) (Xavier); b zero except its f block, which starts at forgetBias. Parameters "Wx",
/// "Wh", "b". i, f, o = σ(·), g = tanh(·); c' = f ⊙ c + i ⊙ g; h' = o ⊙ tanh(c'). Backward ADDS to the gradients.
/// </remarks>
public sealed class LstmCell
{
    public LstmCell(int inputDim, int hiddenDim, Rng rng, double forgetBias = 1.0) =>
        throw new NotImplementedException("LstmCell: Wx、Wh の順に Xavier で引き、b は f ブロックだけ forgetBias（lesson §7.4）。");

    /// <summary>A cell on the given weights (used, not copied).</summary>
    public LstmCell(Tensor wx, Tensor wh, Tensor b) =>
        throw new NotImplementedException("LstmCell: 形を確かめてから、与えられたテンソルをそのままパラメータにします（lesson §7.4）。");

    public Parameter Wx => throw new NotImplementedException("LstmCell.Wx（lesson §7.4）。");
    public Parameter Wh => throw new NotImplementedException("LstmCell.Wh（lesson §7.4）。");
    public Parameter B => throw new NotImplementedException("LstmCell.B（lesson §7.4）。");
    public int InputDim => throw new NotImplementedException("LstmCell.InputDim（lesson §7.4）。");
    public int HiddenDim => throw new NotImplementedException("LstmCell.HiddenDim（lesson §7.4）。");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("LstmCell.Parameters: Wx, Wh, b（lesson §7.4）。");

    public void ZeroGrad() => throw new NotImplementedException("LstmCell.ZeroGrad（lesson §7.4）。");

    public (Tensor H, Tensor C) Forward(Tensor x, Tensor hPrev, Tensor cPrev) =>
        throw new NotImplementedException(
            "LstmCell.Forward: 4 つのブロックは i, f, g, o の順。g だけ tanh、残りはシグモイド。h' は o と tanh(c') の積（lesson §7.4）。");

    /// <summary>(dh', dc') → (dx, dh, dc); adds this step's share to every parameter gradient.</summary>
    public (Tensor DX, Tensor DHPrev, Tensor DCPrev) Backward(Tensor dH, Tensor dC) =>
        throw new NotImplementedException(
            "LstmCell.Backward: まず c' に届く勾配 = dC + dH・o・(1 − tanh²c') をまとめ、そこから各ゲートへ。順伝播と同じブロック順で（lesson §7.4）。");
}
