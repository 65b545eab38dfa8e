namespace Course.Day07;

/// <summary>Exercise 7.4 — an LSTM unrolled over T steps with backpropagation through time inside each call (lesson §7.4).</summary>
/// <remarks>
/// xs: (N, T, D) → hs: (N, T, H). Weights as <see cref="LstmCell"/>, shared by every step; parameters "Wx", "Wh", "b".
/// When <see cref="Stateful"/>, Forward starts from (<see cref="State"/>, <see cref="CellState"/>) if set, else from
/// zeros; afterwards both hold the last step's h and c. Backward runs t = T−1 … 0, carrying dh and dc from step t+1,
/// and overwrites the gradients with the sums over the steps.
/// </remarks>
public sealed class TimeLstm : ILayer
{
    public TimeLstm(int inputDim, int hiddenDim, Rng rng, bool stateful = false) =>
        throw new NotImplementedException("TimeLstm: LstmCell と同じ引き方の重みを一組だけ作り、全時刻で共有します（lesson §7.4）。");

    public Parameter Wx => throw new NotImplementedException("TimeLstm.Wx（lesson §7.4）。");
    public Parameter Wh => throw new NotImplementedException("TimeLstm.Wh（lesson §7.4）。");
    public Parameter B => throw new NotImplementedException("TimeLstm.B（lesson §7.4）。");
    public int InputDim => throw new NotImplementedException("TimeLstm.InputDim（lesson §7.4）。");
    public int HiddenDim => throw new NotImplementedException("TimeLstm.HiddenDim（lesson §7.4）。");
    public bool Stateful => throw new NotImplementedException("TimeLstm.Stateful（lesson §7.4）。");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("TimeLstm.Parameters: Wx, Wh, b（lesson §7.4）。");

    /// <summary>Hidden state h (N, H) after the last Forward.</summary>
    public Tensor? State
    {
        get => throw new NotImplementedException("TimeLstm.State（lesson §7.4）。");
        set => throw new NotImplementedException("TimeLstm.State（lesson §7.4）。");
    }

    /// <summary>Cell state c (N, H) after the last Forward.</summary>
    public Tensor? CellState
    {
        get => throw new NotImplementedException("TimeLstm.CellState（lesson §7.4）。");
        set => throw new NotImplementedException("TimeLstm.CellState（lesson §7.4）。");
    }

    public void ResetState() => throw new NotImplementedException("TimeLstm.ResetState: h と c の両方を忘れます（lesson §7.4）。");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "TimeLstm.Forward: 開始状態（持ち越しかゼロ）を決め、時刻ごとにセルを一歩進めてキャッシュを残し、最後の h と c を覚えます（lesson §7.4）。");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "TimeLstm.Backward: 時刻を逆にたどり、各時刻の dOut に次の時刻から戻る dh を足し、dc もそのまま前の時刻へ渡します（lesson §7.4）。");
}
