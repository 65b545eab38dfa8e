using System.Numerics.Tensors;
using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Vanilla RNN unrolled over time, hₜ = tanh(xₜ·Wxᵀ + hₜ₋₁·Whᵀ + b), with BPTT inside each call.</summary>
/// <remarks>
/// xs: (N, T, D) → hs: (N, T, H). Wx: (H, D), Wh: (H, H), b: (H); parameters "Wx", "Wh", "b".
/// The input projection for all steps is one GEMM. Forward caches the (time-major) input and every hₜ.
/// State handling as <see cref="TimeLstm{T}"/>: <see cref="State"/>, stateful carry (truncated BPTT), <see cref="StateGrad"/>.
/// </remarks>
public sealed class TimeRnn<T> : RecurrentLayer<T>, ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RecurrentState<T> _h;
    private (int N, int T, T[] X, T[] Hs)? _cache;
    private T[]? _xt, _hs, _dA, _dxt;   // reused across calls

    public TimeRnn(int inputDim, int hiddenDim, Rng rng, bool stateful = false)
        : this(RecurrentWeights<T>.InputWeights(1, inputDim, hiddenDim, rng), RecurrentWeights<T>.HiddenWeights(1, hiddenDim, rng),
               Tensor<T>.Zeros(hiddenDim), stateful)
    {
    }

    public TimeRnn(Tensor<T> wx, Tensor<T> wh, Tensor<T> b, bool stateful = false)
        : base(new RecurrentWeights<T>("TimeRnn", 1, wx, wh, b))
    {
        _h = new RecurrentState<T>(stateful);
    }

    public Parameter<T> B => Weights.B;
    public bool Stateful => _h.Stateful;

    /// <summary>Hidden state (N, H): the last Forward's h_T, or a start state set before the next Forward.</summary>
    public Tensor<T>? State { get => _h.Value; set => _h.Value = value; }

    /// <summary>dL/dh₀ (N, H) from the last Backward.</summary>
    public Tensor<T>? StateGrad { get; private set; }

    public void ResetState() => _h.Reset();

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        int d = InputDim, h = HiddenDim;
        if (x.Rank != 3 || x.Dim(2) != d)
            throw new ArgumentException($"TimeRnn: expected input of shape (N, T, {d}), got {x.ShapeString}.");
        int n = x.Dim(0), steps = x.Dim(1), nh = n * h;
        var h0 = _h.Start("TimeRnn", "state", n, h);
        var xt = ScratchBuffer.Exact(ref _xt, steps * n * d);
        LeadingAxesSwap.Copy<T>(x.Span, xt, n, steps, d);
        var hs = ScratchBuffer.Exact(ref _hs, (steps + 1) * nh);
        h0.Span.CopyTo(hs);
        var a = hs.AsSpan(nh);                          // pre-activations, overwritten by tanh in place
        Gemm.Multiply<T>(xt, Wx.Value.Span, a, steps * n, h, d, Transpose.B);
        RowVector.AddToRows<T>(a, steps * n, h, B.Value.Span);
        var recurrent = new T[nh];
        for (int t = 0; t < steps; t++)
        {
            var at = hs.AsSpan((t + 1) * nh, nh);
            Gemm.Multiply<T>(hs.AsSpan(t * nh, nh), Wh.Value.Span, recurrent, n, h, h, Transpose.B);
            TensorPrimitives.Add<T>(at, recurrent, at);
            TensorPrimitives.Tanh<T>(at, at);
        }
        var y = Tensor<T>.Zeros(n, steps, h);
        LeadingAxesSwap.Copy<T>(hs.AsSpan(nh), y.Span, steps, n, h);
        _h.Carry(Tensor<T>.From(hs[(steps * nh)..], n, h));
        _cache = (n, steps, xt, hs);
        return y;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var (n, steps, xt, hs) = _cache ?? throw new InvalidOperationException("TimeRnn.Backward called before Forward.");
        int d = InputDim, h = HiddenDim, nh = n * h;
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != steps || dOut.Dim(2) != h)
            throw new ArgumentException($"TimeRnn.Backward: expected dOut of shape ({n}, {steps}, {h}), got {dOut.ShapeString}.");
        var dA = ScratchBuffer.Exact(ref _dA, steps * nh);
        LeadingAxesSwap.Copy<T>(dOut.Span, dA, n, steps, h);
        var dhRec = new T[nh];
        for (int t = steps - 1; t >= 0; t--)
        {
            var da = dA.AsSpan(t * nh, nh);
            var ht = hs.AsSpan((t + 1) * nh, nh);
            for (int i = 0; i < nh; i++) da[i] = (da[i] + dhRec[i]) * (T.One - ht[i] * ht[i]);
            Gemm.Multiply<T>(da, Wh.Value.Span, dhRec, n, h, h);
        }
        var dWx = Tensor<T>.Zeros(h, d);
        Gemm.Multiply<T>(dA, xt, dWx.Span, h, d, steps * n, Transpose.A);
        var dWh = Tensor<T>.Zeros(h, h);
        Gemm.Multiply<T>(dA, hs.AsSpan(0, steps * nh), dWh.Span, h, h, steps * n, Transpose.A);
        Wx.Grad = dWx;
        Wh.Grad = dWh;
        B.Grad = RowVector.ColumnSums<T>(dA, steps * n, h);
        var dxt = ScratchBuffer.Exact(ref _dxt, steps * n * d);
        Gemm.Multiply<T>(dA, Wx.Value.Span, dxt, steps * n, d, h);
        var dx = Tensor<T>.Zeros(n, steps, d);
        LeadingAxesSwap.Copy<T>(dxt, dx.Span, steps, n, d);
        StateGrad = Tensor<T>.From(dhRec, n, h);
        return dx;
    }
}
