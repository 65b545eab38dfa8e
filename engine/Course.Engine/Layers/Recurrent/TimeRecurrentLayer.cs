using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>
/// What the three time-unrolled layers (<see cref="TimeRnn{T}"/>, <see cref="TimeLstm{T}"/>, <see cref="TimeGru{T}"/>)
/// share around their own step equations: the hidden state and its carry, the move between batch-major (N, T, ·)
/// tensors and the time-major (T, N, ·) arrays the step loop walks, and the gradients formed after the time loop.
/// </summary>
/// <remarks>
/// State: a non-stateful layer starts each Forward from zeros unless <see cref="State"/> was set just before; a stateful
/// one carries its final h into the next Forward (truncated BPTT: gradients never flow into the previous call).
/// <see cref="StateGrad"/> is dL/dh₀ after Backward (for encoder–decoder models).
/// </remarks>
public abstract class TimeRecurrentLayer<T> : RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[]? _xt, _dht, _dxt;   // reused across calls while the shapes stay the same

    private protected TimeRecurrentLayer(RecurrentWeights<T> weights, bool stateful) : base(weights)
    {
        Hidden = new RecurrentState<T>(stateful);
    }

    private protected RecurrentState<T> Hidden { get; }

    public bool Stateful => Hidden.Stateful;

    /// <summary>Hidden state (N, H): the last Forward's h_T, or a start state set before the next Forward.</summary>
    public Tensor<T>? State { get => Hidden.Value; set => Hidden.Value = value; }

    /// <summary>dL/dh₀ (N, H) from the last Backward.</summary>
    public Tensor<T>? StateGrad { get; private protected set; }

    /// <summary>Forgets the carried state; the next Forward starts from zeros.</summary>
    public virtual void ResetState() => Hidden.Reset();

    /// <summary>Checks xs is (N, T, D) and returns it time-major, (T·N, D), in an array reused from call to call.</summary>
    private protected T[] TimeMajorInput(Tensor<T> x, out int n, out int steps)
    {
        int d = InputDim;
        if (x.Rank != 3 || x.Dim(2) != d)
            throw new ArgumentException($"{Weights.Layer}: expected input of shape (N, T, {d}), got {x.ShapeString}.");
        n = x.Dim(0);
        steps = x.Dim(1);
        var xt = ScratchBuffer.Exact(ref _xt, steps * n * d);
        LeadingAxesSwap.Copy<T>(x.Span, xt, n, steps, d);
        return xt;
    }

    /// <summary>Checks dhs is (N, T, H) and returns it time-major, (T·N, H), in an array reused from call to call.</summary>
    private protected T[] TimeMajorGradient(Tensor<T> dOut, int n, int steps)
    {
        int h = HiddenDim;
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != steps || dOut.Dim(2) != h)
            throw new ArgumentException($"{Weights.Layer}.Backward: expected dOut of shape ({n}, {steps}, {h}), got {dOut.ShapeString}.");
        var dht = ScratchBuffer.Exact(ref _dht, steps * n * h);
        LeadingAxesSwap.Copy<T>(dOut.Span, dht, n, steps, h);
        return dht;
    }

    /// <summary>A new batch-major (N, T, <paramref name="inner"/>) tensor from time-major (T·N, inner) values.</summary>
    private protected static Tensor<T> BatchMajor(ReadOnlySpan<T> timeMajor, int n, int steps, int inner)
    {
        var y = Tensor<T>.Zeros(n, steps, inner);
        LeadingAxesSwap.Copy<T>(timeMajor, y.Span, steps, n, inner);
        return y;
    }

    /// <summary>
    /// After the time loop, one GEMM each over all T·N rows: Wx.Grad = dGxᵀ·X (G·H, D), Wh.Grad = dGhᵀ·[h₀ … h_{T−1}]
    /// (G·H, H), and the returned dxs = dGx·Wx as a new (N, T, D) tensor. dGx and dGh are the time-major gate
    /// gradients on the input and the hidden side (the same array but for the GRU); hs holds h₀ … h_T time-major.
    /// </summary>
    private protected Tensor<T> UnrolledGradients(ReadOnlySpan<T> dGx, ReadOnlySpan<T> dGh, ReadOnlySpan<T> xt,
                                                  ReadOnlySpan<T> hs, int n, int steps)
    {
        int d = InputDim, h = HiddenDim, g = Wx.Value.Dim(0), rows = steps * n;
        var dWx = Tensor<T>.Zeros(g, d);
        Gemm.Multiply<T>(dGx, xt, dWx.Span, g, d, rows, Transpose.A);
        var dWh = Tensor<T>.Zeros(g, h);
        Gemm.Multiply<T>(dGh, hs[..(rows * h)], dWh.Span, g, h, rows, Transpose.A);
        Wx.Grad = dWx;
        Wh.Grad = dWh;
        var dxt = ScratchBuffer.Exact(ref _dxt, rows * d);
        Gemm.Multiply<T>(dGx, Wx.Value.Span, dxt, rows, d, g);
        return BatchMajor(dxt, n, steps, d);
    }
}
