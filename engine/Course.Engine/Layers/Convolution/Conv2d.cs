using System.Numerics.Tensors;
using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>2-D convolution (cross-correlation, no kernel flip) computed as im2col + one GEMM.</summary>
/// <remarks>
/// x: (N, C, H, W) → y: (N, FN, OH, OW) with OH = (H + 2·pad − FH)/stride + 1 (floored). W: (FN, C, FH, FW), b: (FN)
/// (parameters "W" and "b"; no "b" when built without bias). Forward caches the column matrix
/// <c>col</c> [C·FH·FW, N·OH·OW]; Backward computes db = Σ over N, OH, OW; dW = dY'·colᵀ; dX = col2im(Wᵀ·dY'),
/// where dY' is dY laid out as (FN, N·OH·OW). The column matrix and the GEMM work arrays are kept between calls and
/// reused while the input shape stays the same (megabytes per call otherwise); outputs and dX are new tensors unless
/// <see cref="ReuseBuffers"/> is on, gradients too unless <see cref="Parameter{T}.ReuseGradStorage"/> is set.
/// <see cref="BackwardParameters"/> sets dW and db without the Wᵀ·dY' product and col2im (for the first layer of a network).
/// </remarks>
public sealed class Conv2d<T> : IParameterBackward<T>, IBufferReuse where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private readonly ReusableTensor<T> _y = new(), _dx = new();
    private T[]? _col;                 // [K, N·OH·OW], the cache; reused across calls
    private T[]? _yFlat, _dyFlat, _dCol, _dWt;  // scratch
    private ConvGeometry _geometry;

    /// <summary>A convolution with weights drawn by <paramref name="init"/> (fan-in C·k·k) and zero bias.</summary>
    public Conv2d(int inChannels, int outChannels, int kernel, Rng rng, int stride = 1, int pad = 0,
                  WeightInit init = WeightInit.He, bool bias = true)
        : this(Init.Weights<T>(init, inChannels * kernel * kernel, rng, 0.01, outChannels, inChannels, kernel, kernel),
               bias ? Tensor<T>.Zeros(outChannels) : null, stride, pad)
    {
    }

    /// <summary>A convolution with the given weights <paramref name="w"/> (FN, C, FH, FW) and bias <paramref name="b"/> (FN) or none.</summary>
    public Conv2d(Tensor<T> w, Tensor<T>? b, int stride = 1, int pad = 0)
    {
        if (w.Rank != 4) throw new ArgumentException($"Conv2d: weights must be (FN, C, FH, FW), got {w.ShapeString}.");
        if (b is not null && (b.Rank != 1 || b.Dim(0) != w.Dim(0)))
            throw new ArgumentException($"Conv2d: bias must be ({w.Dim(0)}), got {b.ShapeString}.");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"Conv2d: stride must be ≥ 1, got {stride}.");
        if (pad < 0) throw new ArgumentOutOfRangeException(nameof(pad), $"Conv2d: pad must be ≥ 0, got {pad}.");
        W = new Parameter<T>("W", w);
        B = b is null ? null : new Parameter<T>("b", b);
        Stride = stride;
        Pad = pad;
        _parameters = B is null ? [W] : [W, B];
    }

    /// <summary>Filters (FN, C, FH, FW).</summary>
    public Parameter<T> W { get; }

    /// <summary>Bias (FN), or null for a bias-free convolution (e.g. followed by BatchNorm).</summary>
    public Parameter<T>? B { get; }

    public int Stride { get; }
    public int Pad { get; }
    public int OutChannels => W.Value.Dim(0);
    public int InChannels => W.Value.Dim(1);
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <inheritdoc/>
    public bool ReuseBuffers { get; set; }

    /// <summary>x (N, C, H, W) → (N, FN, OH, OW). Caches the column matrix.</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        _geometry = Geometry(x);
        var g = _geometry;
        int fn = OutChannels;
        var col = ScratchBuffer.Exact(ref _col, g.K * g.NP);
        Im2Col.Forward<T>(x.Span, col, g);
        var yFlat = ScratchBuffer.Exact(ref _yFlat, fn * g.NP);
        Gemm.Multiply<T>(W.Value.Span, col, yFlat, fn, g.NP, g.K, false, false);    // W (FN, K) · col → (FN, N·OH·OW)
        var y = _y.Take(ReuseBuffers, g.N, fn, g.OH, g.OW);   // every element is written below
        int p = g.OH * g.OW;
        // (FN, N·P) → (N, FN, P), adding the bias on the way (one pass over y instead of a copy then an add).
        var ys = y.Span;
        var bias = B is null ? default : B.Value.Span;
        for (int f = 0; f < fn; f++)
        for (int n = 0; n < g.N; n++)
        {
            var src = yFlat.AsSpan((f * g.N + n) * p, p);
            var dst = ys.Slice((n * fn + f) * p, p);
            if (B is null) src.CopyTo(dst);
            else TensorPrimitives.Add(src, bias[f], dst);
        }
        return y;
    }

    /// <summary>dY (N, FN, OH, OW) → dX (N, C, H, W); overwrites W.Grad (and b.Grad).</summary>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        BackwardParameters(dOut);
        var g = _geometry;
        var dCol = ScratchBuffer.Exact(ref _dCol, g.K * g.NP);
        Gemm.Multiply<T>(W.Value.Span, _dyFlat!, dCol, g.K, g.NP, OutChannels, true, false);     // Wᵀ·dY', (K, N·OH·OW)
        var dx = _dx.Take(ReuseBuffers, g.N, g.C, g.H, g.W);   // col2im clears it before accumulating
        Im2Col.Backward<T>(dCol, dx.Span, g);
        return dx;
    }

    /// <summary>dY (N, FN, OH, OW): overwrites W.Grad (and b.Grad) without computing dX.</summary>
    public void BackwardParameters(Tensor<T> dOut)
    {
        var col = _col ?? throw new InvalidOperationException("Conv2d.Backward called before Forward.");
        var g = _geometry;
        int fn = OutChannels, p = g.OH * g.OW;
        if (dOut.Rank != 4 || dOut.Dim(0) != g.N || dOut.Dim(1) != fn || dOut.Dim(2) != g.OH || dOut.Dim(3) != g.OW)
            throw new ArgumentException($"Conv2d.Backward: expected dOut of shape ({g.N}, {fn}, {g.OH}, {g.OW}), got {dOut.ShapeString}.");
        var dyFlat = ScratchBuffer.Exact(ref _dyFlat, fn * g.NP);
        LeadingAxesSwap.Copy<T>(dOut.Span, dyFlat, g.N, fn, p);
        if (B is not null)
        {
            var db = B.GradTarget();
            for (int f = 0; f < fn; f++) db.Span[f] = TensorPrimitives.Sum<T>(dyFlat.AsSpan(f * g.NP, g.NP));
            B.Grad = db;
        }
        // dW = dY'·colᵀ (FN, K), computed as its transpose col·dY'ᵀ (K, FN) and transposed back (a few KB): with the
        // long N·OH·OW axis as the shared dimension, the (K, FN) orientation runs 25–30% faster on the GEMM kernels.
        var dWt = ScratchBuffer.Exact(ref _dWt, g.K * fn);
        Gemm.Multiply<T>(col, dyFlat, dWt, g.K, fn, g.NP, false, true);              // col·dY'ᵀ, (K, FN)
        var dW = W.GradTarget();
        Transpose.Copy<T>(dWt, dW.Span, g.K, fn);
        W.Grad = dW;
    }

    private ConvGeometry Geometry(Tensor<T> x)
    {
        var w = W.Value.Shape;
        if (x.Rank != 4 || x.Dim(1) != w[1])
            throw new ArgumentException(
                $"Conv2d: expected input of shape (N, {w[1]}, H, W), got {x.ShapeString}.");
        var g = new ConvGeometry(x.Dim(0), x.Dim(1), x.Dim(2), x.Dim(3), w[2], w[3], Stride, Pad);
        if (x.Dim(2) + 2 * Pad < w[2] || x.Dim(3) + 2 * Pad < w[3])
            throw new ArgumentException(
                $"Conv2d: kernel {w[2]}×{w[3]} is larger than the padded input {x.Dim(2) + 2 * Pad}×{x.Dim(3) + 2 * Pad} (input {x.ShapeString}, pad {Pad}).");
        return g;
    }
}
