using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>LSTM unrolled over time with backpropagation through time (BPTT) inside each call.</summary>
/// <remarks>
/// xs: (N, T, D) → hs: (N, T, H). Wx: (4H, D), Wh: (4H, H), b: (4H), gate blocks i, f, g, o (PyTorch's order; PyTorch's
/// two biases b_ih + b_hh correspond to b). Parameters "Wx", "Wh", "b".
/// Speed: the input projection X·Wxᵀ for all T steps is one GEMM; each step adds h·Whᵀ into its slice and applies the
/// fused gate nonlinearities; Backward forms dWx, dWh, db and dX with one GEMM each after the time loop.
/// Forward caches (time-major) the input, every step's gate values, h and c, and tanh(c), in arrays reused from call to
/// call while the shapes stay the same; outputs and gradients are always new tensors.
/// State handling as in <see cref="TimeRecurrentLayer{T}"/>, for the pair (h, c): <see cref="TimeRecurrentLayer{T}.State"/> and
/// <see cref="CellState"/>, carried together; <see cref="TimeRecurrentLayer{T}.StateGrad"/>/<see cref="CellStateGrad"/> expose dL/dh₀ and
/// dL/dc₀ after Backward.
/// </remarks>
public sealed class TimeLstm<T> : TimeRecurrentLayer<T>, ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RecurrentState<T> _c;
    private Cache? _cache;
    private T[]? _gates, _hs, _cs, _tanhC, _recurrent, _dA;   // reused across calls

    private sealed record Cache(int N, int T, T[] X, T[] Gates, T[] Hs, T[] Cs, T[] TanhC);

    /// <summary>Xavier-style init N(0, 1/fanIn) for Wx and Wh, zero bias except the forget block = <paramref name="forgetBias"/>.</summary>
    public TimeLstm(int inputDim, int hiddenDim, Rng rng, bool stateful = false, double forgetBias = 1.0)
        : this(RecurrentWeights<T>.InputWeights(4, inputDim, hiddenDim, rng), RecurrentWeights<T>.HiddenWeights(4, hiddenDim, rng),
               RecurrentWeights<T>.LstmBias(hiddenDim, forgetBias), stateful)
    {
    }

    /// <summary>From explicit weights: wx (4H, D), wh (4H, H), b (4H).</summary>
    public TimeLstm(Tensor<T> wx, Tensor<T> wh, Tensor<T> b, bool stateful = false)
        : base(new RecurrentWeights<T>("TimeLstm", 4, wx, wh, b), stateful)
    {
        _c = new RecurrentState<T>(stateful);
    }

    public Parameter<T> B => Weights.B;

    /// <summary>Cell state (N, H), like <see cref="TimeRecurrentLayer{T}.State"/>.</summary>
    public Tensor<T>? CellState { get => _c.Value; set => _c.Value = value; }

    /// <summary>dL/dc₀ (N, H) from the last Backward.</summary>
    public Tensor<T>? CellStateGrad { get; private set; }

    public override void ResetState() { base.ResetState(); _c.Reset(); }

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var xt = TimeMajorInput(x, out int n, out int steps);
        int d = InputDim, h = HiddenDim, g = 4 * h;
        var h0 = Hidden.Start("TimeLstm", "state", n, h);
        var c0 = _c.Start("TimeLstm", "cell state", n, h);

        var gates = ScratchBuffer.Exact(ref _gates, steps * n * g);
        Gemm.Multiply<T>(xt, Wx.Value.Span, gates, steps * n, g, d, Transpose.B);     // all steps' X·Wxᵀ at once
        RowVector.AddToRows<T>(gates, steps * n, g, B.Value.Span);

        var hs = ScratchBuffer.Exact(ref _hs, (steps + 1) * n * h);     // h₀ … h_T, time-major
        var cs = ScratchBuffer.Exact(ref _cs, (steps + 1) * n * h);
        var tanhC = ScratchBuffer.Exact(ref _tanhC, steps * n * h);
        h0.Span.CopyTo(hs);
        c0.Span.CopyTo(cs);
        var recurrent = ScratchBuffer.Exact(ref _recurrent, n * g);
        var wh = Wh.Value.Span;
        int nh = n * h, ng = n * g;
        for (int t = 0; t < steps; t++)
        {
            var a = gates.AsSpan(t * ng, ng);
            Gemm.Multiply<T>(hs.AsSpan(t * nh, nh), wh, recurrent, n, g, h, Transpose.B);
            System.Numerics.Tensors.TensorPrimitives.Add<T>(a, recurrent, a);
            LstmMath.Activate(a, n, h);
            LstmMath.Cell<T>(a, cs.AsSpan(t * nh, nh), cs.AsSpan((t + 1) * nh, nh), tanhC.AsSpan(t * nh, nh),
                             hs.AsSpan((t + 1) * nh, nh), n, h);
        }

        Hidden.Carry(Tensor<T>.From(hs[(steps * nh)..], n, h));
        _c.Carry(Tensor<T>.From(cs[(steps * nh)..], n, h));
        _cache = new Cache(n, steps, xt, gates, hs, cs, tanhC);
        return BatchMajor(hs.AsSpan(nh), n, steps, h);
    }

    /// <summary>dhs (N, T, H) → dxs (N, T, D); overwrites the gradients of Wx, Wh, b (summed over all steps).</summary>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var k = _cache ?? throw new InvalidOperationException("TimeLstm.Backward called before Forward.");
        int n = k.N, steps = k.T, h = HiddenDim, g = 4 * h, nh = n * h, ng = n * g;
        var dht = TimeMajorGradient(dOut, n, steps);
        var dA = ScratchBuffer.Exact(ref _dA, steps * ng);
        var dh = new T[nh];
        var dhRec = new T[nh];
        var dc = new T[nh];
        var wh = Wh.Value.Span;
        for (int t = steps - 1; t >= 0; t--)
        {
            System.Numerics.Tensors.TensorPrimitives.Add<T>(dht.AsSpan(t * nh, nh), dhRec, dh);
            var dAt = dA.AsSpan(t * ng, ng);
            LstmMath.Backward<T>(k.Gates.AsSpan(t * ng, ng), k.Cs.AsSpan(t * nh, nh), k.TanhC.AsSpan(t * nh, nh), dh, dc, dAt, n, h);
            Gemm.Multiply<T>(dAt, wh, dhRec, n, h, g);     // dh_{t-1} = dA_t · Wh
        }
        B.Grad = RowVector.ColumnSums<T>(dA, steps * n, g);
        var dx = UnrolledGradients(dA, dA, k.X, k.Hs, n, steps);
        StateGrad = Tensor<T>.From(dhRec, n, h);
        CellStateGrad = Tensor<T>.From(dc, n, h);
        return dx;
    }
}
