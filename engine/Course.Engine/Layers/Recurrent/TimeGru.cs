using System.Numerics.Tensors;
using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>GRU unrolled over time with BPTT inside each call.</summary>
/// <remarks>
/// xs: (N, T, D) → hs: (N, T, H). Wx: (3H, D), Wh: (3H, H), bx: (3H), bh: (3H), gate blocks r, z, n (PyTorch's
/// weight_ih/weight_hh/bias_ih/bias_hh exactly). Parameters "Wx", "Wh", "bx", "bh". See <see cref="GruMath"/> for the equations.
/// Speed: X·Wxᵀ + bx for all steps is one GEMM; each step does one h·Whᵀ GEMM; the weight gradients are one GEMM each
/// after the time loop. Forward caches (time-major) the input, every step's gates, h·Whᵀ + bh and h.
/// State handling: <see cref="TimeRecurrentLayer{T}"/>.
/// </remarks>
public sealed class TimeGru<T> : TimeRecurrentLayer<T>, ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Cache? _cache;
    private T[]? _gates, _gh, _hs, _dGx, _dGh;   // reused across calls

    private sealed record Cache(int N, int T, T[] X, T[] Gates, T[] Gh, T[] Hs);

    /// <summary>Weights N(0, 1/fanIn) (Xavier, the book's form), zero biases.</summary>
    public TimeGru(int inputDim, int hiddenDim, Rng rng, bool stateful = false)
        : this(RecurrentWeights<T>.InputWeights(3, inputDim, hiddenDim, rng), RecurrentWeights<T>.HiddenWeights(3, hiddenDim, rng),
               Tensor<T>.Zeros(3 * hiddenDim), Tensor<T>.Zeros(3 * hiddenDim), stateful)
    {
    }

    /// <summary>From explicit weights: wx (3H, D), wh (3H, H), bx (3H), bh (3H).</summary>
    public TimeGru(Tensor<T> wx, Tensor<T> wh, Tensor<T> bx, Tensor<T> bh, bool stateful = false)
        : base(new RecurrentWeights<T>("TimeGru", 3, wx, wh, bx, bh), stateful)
    {
    }

    public Parameter<T> Bx => Weights.B;
    public Parameter<T> Bh => Weights.Bh!;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var xt = TimeMajorInput(x, out int n, out int steps);
        int d = InputDim, h = HiddenDim, g = 3 * h, nh = n * h, ng = n * g;
        var h0 = Hidden.Start("TimeGru", "state", n, h);

        var gates = ScratchBuffer.Exact(ref _gates, steps * ng);
        Gemm.Multiply<T>(xt, Wx.Value.Span, gates, steps * n, g, d, Transpose.B);
        RowVector.AddToRows<T>(gates, steps * n, g, Bx.Value.Span);
        var gh = ScratchBuffer.Exact(ref _gh, steps * ng);
        var hs = ScratchBuffer.Exact(ref _hs, (steps + 1) * nh);
        h0.Span.CopyTo(hs);
        var wh = Wh.Value.Span;
        for (int t = 0; t < steps; t++)
        {
            var ght = gh.AsSpan(t * ng, ng);
            Gemm.Multiply<T>(hs.AsSpan(t * nh, nh), wh, ght, n, g, h, Transpose.B);
            RowVector.AddToRows<T>(ght, n, g, Bh.Value.Span);
            GruMath.Forward<T>(gates.AsSpan(t * ng, ng), ght, hs.AsSpan(t * nh, nh), hs.AsSpan((t + 1) * nh, nh), n, h);
        }

        Hidden.Carry(Tensor<T>.From(hs[(steps * nh)..], n, h));
        _cache = new Cache(n, steps, xt, gates, gh, hs);
        return BatchMajor(hs.AsSpan(nh), n, steps, h);
    }

    /// <summary>dhs (N, T, H) → dxs (N, T, D); overwrites the gradients of Wx, Wh, bx, bh (summed over all steps).</summary>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var k = _cache ?? throw new InvalidOperationException("TimeGru.Backward called before Forward.");
        int n = k.N, steps = k.T, h = HiddenDim, g = 3 * h, nh = n * h, ng = n * g;
        var dht = TimeMajorGradient(dOut, n, steps);
        var dGx = ScratchBuffer.Exact(ref _dGx, steps * ng);
        var dGh = ScratchBuffer.Exact(ref _dGh, steps * ng);
        var dh = new T[nh];
        var dhRec = new T[nh];
        var dhDirect = new T[nh];
        var wh = Wh.Value.Span;
        for (int t = steps - 1; t >= 0; t--)
        {
            TensorPrimitives.Add<T>(dht.AsSpan(t * nh, nh), dhRec, dh);
            var dGht = dGh.AsSpan(t * ng, ng);
            GruMath.Backward<T>(k.Gates.AsSpan(t * ng, ng), k.Gh.AsSpan(t * ng, ng), k.Hs.AsSpan(t * nh, nh), dh,
                                dGx.AsSpan(t * ng, ng), dGht, dhDirect, n, h);
            Gemm.Multiply<T>(dGht, wh, dhRec, n, h, g);
            TensorPrimitives.Add<T>(dhRec, dhDirect, dhRec);
        }
        Bx.Grad = RowVector.ColumnSums<T>(dGx, steps * n, g);
        Bh.Grad = RowVector.ColumnSums<T>(dGh, steps * n, g);
        var dx = UnrolledGradients(dGx, dGh, k.X, k.Hs, n, steps);
        StateGrad = Tensor<T>.From(dhRec, n, h);
        return dx;
    }
}
