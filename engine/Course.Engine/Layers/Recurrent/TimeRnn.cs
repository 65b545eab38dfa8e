using System.Numerics.Tensors;
using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Vanilla RNN unrolled over time, hₜ = tanh(xₜ·Wxᵀ + hₜ₋₁·Whᵀ + b), with BPTT inside each call.</summary>
/// <remarks>
/// xs: (N, T, D) → hs: (N, T, H). Wx: (H, D), Wh: (H, H), b: (H); parameters "Wx", "Wh", "b".
/// The input projection for all steps is one GEMM. Forward caches the (time-major) input and every hₜ.
/// State handling: <see cref="TimeRecurrentLayer{T}"/>.
/// </remarks>
public sealed class TimeRnn<T> : TimeRecurrentLayer<T>, ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private (int N, int T, T[] X, T[] Hs)? _cache;
    private T[]? _hs;   // reused across calls

    public TimeRnn(int inputDim, int hiddenDim, Rng rng, bool stateful = false)
        : this(RecurrentWeights<T>.InputWeights(1, inputDim, hiddenDim, rng), RecurrentWeights<T>.HiddenWeights(1, hiddenDim, rng),
               Tensor<T>.Zeros(hiddenDim), stateful)
    {
    }

    public TimeRnn(Tensor<T> wx, Tensor<T> wh, Tensor<T> b, bool stateful = false)
        : base(new RecurrentWeights<T>("TimeRnn", 1, wx, wh, b), stateful)
    {
    }

    public Parameter<T> B => Weights.B;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var xt = TimeMajorInput(x, out int n, out int steps);
        int d = InputDim, h = HiddenDim, nh = n * h;
        var h0 = Hidden.Start("TimeRnn", "state", n, h);
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
        Hidden.Carry(Tensor<T>.From(hs[(steps * nh)..], n, h));
        _cache = (n, steps, xt, hs);
        return BatchMajor(hs.AsSpan(nh), n, steps, h);
    }

    /// <summary>dhs (N, T, H) → dxs (N, T, D); overwrites the gradients of Wx, Wh, b (summed over all steps).</summary>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var (n, steps, xt, hs) = _cache ?? throw new InvalidOperationException("TimeRnn.Backward called before Forward.");
        int h = HiddenDim, nh = n * h;
        var dA = TimeMajorGradient(dOut, n, steps);     // becomes the pre-activation gradients in place
        var dhRec = new T[nh];
        for (int t = steps - 1; t >= 0; t--)
        {
            var da = dA.AsSpan(t * nh, nh);
            var ht = hs.AsSpan((t + 1) * nh, nh);
            for (int i = 0; i < nh; i++) da[i] = (da[i] + dhRec[i]) * (T.One - ht[i] * ht[i]);
            Gemm.Multiply<T>(da, Wh.Value.Span, dhRec, n, h, h);
        }
        B.Grad = RowVector.ColumnSums<T>(dA, steps * n, h);
        var dx = UnrolledGradients(dA, dA, xt, hs, n, steps);
        StateGrad = Tensor<T>.From(dhRec, n, h);
        return dx;
    }
}
