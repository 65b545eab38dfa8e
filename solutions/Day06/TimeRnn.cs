namespace Course.Day06;

/// <summary>Exercise 6.5 — a vanilla RNN unrolled over T steps with backpropagation through time inside each call (lesson §6.5).</summary>
/// <remarks>
/// xs: (N, T, D) → hs: (N, T, H). Weights as <see cref="RnnCell"/> (Wx then Wh drawn from rng, b zeros), shared by
/// every step; parameters "Wx", "Wh", "b". When <see cref="Stateful"/>, Forward starts from <see cref="State"/> (the
/// previous call's h_T) if there is one, else from zeros; otherwise it always starts from zeros. Either way State
/// holds h_T afterwards. Backward runs t = T−1 … 0, adding dh from step t+1 to dOut[:, t], and overwrites the
/// gradients with the sums over the steps. Nothing flows into the previous call (truncated BPTT).
/// </remarks>
public sealed class TimeRnn : ILayer
{
    private readonly Parameter[] _parameters;
    private RnnCell[] _cells = [];
    private (int N, int T)? _shape;

    public TimeRnn(int inputDim, int hiddenDim, Rng rng, bool stateful = false)
    {
        var cell = new RnnCell(inputDim, hiddenDim, rng);
        (Wx, Wh, B) = (new Parameter("Wx", cell.Wx.Value), new Parameter("Wh", cell.Wh.Value), new Parameter("b", cell.B.Value));
        _parameters = [Wx, Wh, B];
        Stateful = stateful;
    }

    public Parameter Wx { get; }
    public Parameter Wh { get; }
    public Parameter B { get; }
    public int InputDim => Wx.Value.Dim(1);
    public int HiddenDim => Wh.Value.Dim(0);
    public bool Stateful { get; }
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Hidden state (N, H): the last Forward's h_T; a stateful layer starts its next Forward from it.</summary>
    public Tensor? State { get; set; }

    /// <summary>Forgets the state: the next Forward starts from zeros.</summary>
    public void ResetState() => State = null;

    public Tensor Forward(Tensor x, bool training = true)
    {
        int d = InputDim, hd = HiddenDim;
        if (x.Rank != 3 || x.Dim(2) != d)
            throw new ArgumentException($"TimeRnn: expected input of shape (N, T, {d}), got {x.ShapeString}.");
        int n = x.Dim(0), steps = x.Dim(1);
        Tensor h;
        if (Stateful && State is not null)
        {
            if (State.Rank != 2 || State.Dim(0) != n || State.Dim(1) != hd)
                throw new ArgumentException($"TimeRnn: the carried state has shape {State.ShapeString} but this batch needs ({n}, {hd}); call ResetState() first.");
            h = State.Clone();
        }
        else h = Tensor.Zeros(n, hd);
        var ys = Tensor.Zeros(n, steps, hd);
        _cells = new RnnCell[steps];
        for (int t = 0; t < steps; t++)
        {
            _cells[t] = new RnnCell(Wx, Wh, B);   // every step shares the layer's parameters
            h = _cells[t].Forward(x.Slice(1, t, 1).Reshape(n, d), h);
            Put(ys, t, h);
        }
        State = h.Clone();
        _shape = (n, steps);
        return ys;
    }

    public Tensor Backward(Tensor dOut)
    {
        var (n, steps) = _shape ?? throw new InvalidOperationException("TimeRnn.Backward called before Forward.");
        int d = InputDim, hd = HiddenDim;
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != steps || dOut.Dim(2) != hd)
            throw new ArgumentException($"TimeRnn.Backward: expected dOut of shape ({n}, {steps}, {hd}), got {dOut.ShapeString}.");
        var dx = Tensor.Zeros(n, steps, d);
        foreach (var p in _parameters) p.Grad = Tensor.ZerosLike(p.Value);   // zero once, then every step adds its share
        var dhNext = Tensor.Zeros(n, hd);
        for (int t = steps - 1; t >= 0; t--)
        {
            var (dxt, dhPrev) = _cells[t].Backward(dOut.Slice(1, t, 1).Reshape(n, hd) + dhNext);
            Put(dx, t, dxt);
            dhNext = dhPrev;
        }
        return dx;
    }

    /// <summary>Writes the (N, K) step tensor into time slot t of the (N, T, K) sequence tensor.</summary>
    private static void Put(Tensor seq, int t, Tensor step)
    {
        int n = seq.Dim(0), steps = seq.Dim(1), k = seq.Dim(2);
        var dst = seq.Span;
        var src = step.Span;
        for (int i = 0; i < n; i++) src.Slice(i * k, k).CopyTo(dst.Slice((i * steps + t) * k, k));
    }
}
