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
    private readonly Parameter[] _parameters;
    private LstmCell[] _cells = [];
    private (int N, int T)? _shape;

    public TimeLstm(int inputDim, int hiddenDim, Rng rng, bool stateful = false)
    {
        var cell = new LstmCell(inputDim, hiddenDim, rng);
        (Wx, Wh, B) = (new Parameter("Wx", cell.Wx.Value), new Parameter("Wh", cell.Wh.Value), new Parameter("b", cell.B.Value));
        _parameters = [Wx, Wh, B];
        Stateful = stateful;
    }

    public Parameter Wx { get; }
    public Parameter Wh { get; }
    public Parameter B { get; }
    public int InputDim => Wx.Value.Dim(1);
    public int HiddenDim => Wh.Value.Dim(1);
    public bool Stateful { get; }
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Hidden state h (N, H) after the last Forward.</summary>
    public Tensor? State { get; set; }

    /// <summary>Cell state c (N, H) after the last Forward.</summary>
    public Tensor? CellState { get; set; }

    public void ResetState() => (State, CellState) = (null, null);

    public Tensor Forward(Tensor x, bool training = true)
    {
        int d = InputDim, hd = HiddenDim;
        if (x.Rank != 3 || x.Dim(2) != d)
            throw new ArgumentException($"TimeLstm: expected input of shape (N, T, {d}), got {x.ShapeString}.");
        int n = x.Dim(0), steps = x.Dim(1);
        Tensor h = Tensor.Zeros(n, hd), c = Tensor.Zeros(n, hd);
        if (Stateful && State is not null && CellState is not null)
        {
            if (State.Rank != 2 || State.Dim(0) != n || State.Dim(1) != hd || !CellState.SameShape(State))
                throw new ArgumentException($"TimeLstm: the carried state has shape {State.ShapeString} but this batch needs ({n}, {hd}); call ResetState() first.");
            (h, c) = (State.Clone(), CellState.Clone());
        }
        var ys = Tensor.Zeros(n, steps, hd);
        _cells = new LstmCell[steps];
        for (int t = 0; t < steps; t++)
        {
            _cells[t] = new LstmCell(Wx, Wh, B);
            (h, c) = _cells[t].Forward(x.Slice(1, t, 1).Reshape(n, d), h, c);
            Put(ys, t, h);
        }
        (State, CellState) = (h.Clone(), c.Clone());
        _shape = (n, steps);
        return ys;
    }

    public Tensor Backward(Tensor dOut)
    {
        var (n, steps) = _shape ?? throw new InvalidOperationException("TimeLstm.Backward called before Forward.");
        int d = InputDim, hd = HiddenDim;
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != steps || dOut.Dim(2) != hd)
            throw new ArgumentException($"TimeLstm.Backward: expected dOut of shape ({n}, {steps}, {hd}), got {dOut.ShapeString}.");
        var dx = Tensor.Zeros(n, steps, d);
        foreach (var p in _parameters) p.Grad = Tensor.ZerosLike(p.Value);
        Tensor dh = Tensor.Zeros(n, hd), dc = Tensor.Zeros(n, hd);
        for (int t = steps - 1; t >= 0; t--)
        {
            var (dxt, dhPrev, dcPrev) = _cells[t].Backward(dOut.Slice(1, t, 1).Reshape(n, hd) + dh, dc);
            Put(dx, t, dxt);
            (dh, dc) = (dhPrev, dcPrev);
        }
        return dx;
    }

    private static void Put(Tensor seq, int t, Tensor step)
    {
        int n = seq.Dim(0), steps = seq.Dim(1), k = seq.Dim(2);
        var dst = seq.Span;
        var src = step.Span;
        for (int i = 0; i < n; i++) src.Slice(i * k, k).CopyTo(dst.Slice((i * steps + t) * k, k));
    }
}
