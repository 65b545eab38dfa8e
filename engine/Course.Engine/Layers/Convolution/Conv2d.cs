using System.Numerics.Tensors;
using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>2-D convolution (cross-correlation, no kernel flip) computed image by image as im2col + GEMM.</summary>
/// <remarks>
/// x: (N, C, H, W) → y: (N, FN, OH, OW) with OH = (H + 2·pad − FH)/stride + 1 (floored). W: (FN, C, FH, FW), b: (FN)
/// (parameters "W" and "b"; no "b" when built without bias). For each image n, Forward builds its column matrix
/// <c>col_n</c> [C·FH·FW, OH·OW] and computes y_n = W·col_n + b straight into y's (FN, OH·OW) block; the column
/// matrices are the cache. Backward: db = Σ over N, OH, OW of dY; dW = Σ_n dY_n·col_nᵀ; dX_n = col2im(Wᵀ·dY_n).
/// The images are split between the cores (<see cref="BatchSplit"/>), so each image's column matrix (tens to hundreds
/// of KB) is still in L2 when its GEMM reads it, and no (FN, N·OH·OW) reshuffle of y or dY is ever needed. The column
/// matrices and work arrays are kept between calls and reused while the input shape stays the same; outputs and dX are
/// new tensors unless <see cref="ReuseBuffers"/> is on, gradients too unless <see cref="Parameter{T}.ReuseGradStorage"/>
/// is set. <see cref="BackwardParameters"/> sets dW and db without the Wᵀ·dY products and col2im (for the first layer
/// of a network).
/// </remarks>
public sealed class Conv2d<T> : IParameterBackward<T>, IBufferReuse where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private readonly ReusableTensor<T> _y = new(), _dx = new();
    private T[]? _col;                 // N blocks of [K, OH·OW], image n at n·K·OH·OW: the cache, reused across calls
    private PartScratch[] _scratch = [];
    private ConvGeometry _geometry;

    /// <summary>One core's backward work arrays: its share of dWᵀ (K, FN) and db, and one image's dWᵀ and dCol.</summary>
    private sealed class PartScratch
    {
        public T[] DWt = [], Db = [], ImageDWt = [], DCol = [];
    }

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

    /// <summary>x (N, C, H, W) → (N, FN, OH, OW). Caches the column matrices.</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        _geometry = Geometry(x);
        var g = _geometry;
        int fn = OutChannels, k = g.K, p = g.OH * g.OW, inSize = g.C * g.H * g.W;
        var image = OneImage(g);
        var col = ScratchBuffer.Exact(ref _col, k * g.NP);
        var y = _y.Take(ReuseBuffers, g.N, fn, g.OH, g.OW);   // every element is written below
        BatchSplit.For(g.N, (_, first, count, gemmThreads) =>
        {
            var xs = (ReadOnlySpan<T>)x.Span;
            var ys = y.Span;
            var w = (ReadOnlySpan<T>)W.Value.Span;
            for (int n = first; n < first + count; n++)
            {
                var colN = col.AsSpan(n * k * p, k * p);
                Im2Col.Forward<T>(xs.Slice(n * inSize, inSize), colN, image);
                var yN = ys.Slice(n * fn * p, fn * p);
                Gemm.Multiply<T>(w, colN, yN, fn, p, k, false, false, Gemm.Path.Auto, gemmThreads);   // W·col_n, (FN, OH·OW)
                if (B is null) continue;
                var bias = (ReadOnlySpan<T>)B.Value.Span;
                for (int f = 0; f < fn; f++) TensorPrimitives.Add(yN.Slice(f * p, p), bias[f], yN.Slice(f * p, p));
            }
        });
        return y;
    }

    /// <summary>dY (N, FN, OH, OW) → dX (N, C, H, W); overwrites W.Grad (and b.Grad).</summary>
    public Tensor<T> Backward(Tensor<T> dOut) => Gradients(dOut, inputGradient: true)!;

    /// <summary>dY (N, FN, OH, OW): overwrites W.Grad (and b.Grad) without computing dX.</summary>
    public void BackwardParameters(Tensor<T> dOut) => Gradients(dOut, inputGradient: false);

    private Tensor<T>? Gradients(Tensor<T> dOut, bool inputGradient)
    {
        var col = _col ?? throw new InvalidOperationException("Conv2d.Backward called before Forward.");
        var g = _geometry;
        int fn = OutChannels, k = g.K, p = g.OH * g.OW, inSize = g.C * g.H * g.W;
        if (dOut.Rank != 4 || dOut.Dim(0) != g.N || dOut.Dim(1) != fn || dOut.Dim(2) != g.OH || dOut.Dim(3) != g.OW)
            throw new ArgumentException($"Conv2d.Backward: expected dOut of shape ({g.N}, {fn}, {g.OH}, {g.OW}), got {dOut.ShapeString}.");
        var image = OneImage(g);
        var scratch = Scratch(BatchSplit.Parts(g.N), k, fn, p, inputGradient);
        var dx = inputGradient ? _dx.Take(ReuseBuffers, g.N, g.C, g.H, g.W) : null;   // col2im clears each image first
        BatchSplit.For(g.N, (part, first, count, gemmThreads) =>
        {
            var s = scratch[part];
            Array.Clear(s.DWt);
            Array.Clear(s.Db);
            var dy = (ReadOnlySpan<T>)dOut.Span;
            var w = (ReadOnlySpan<T>)W.Value.Span;
            for (int n = first; n < first + count; n++)
            {
                var dyN = dy.Slice(n * fn * p, fn * p);
                var colN = col.AsSpan(n * k * p, k * p);
                for (int f = 0; f < fn; f++) s.Db[f] += TensorPrimitives.Sum(dyN.Slice(f * p, p));
                // dWᵀ (K, FN) = col_n·dY_nᵀ: with K rows and FN columns the tiles fill up better than in (FN, K).
                Gemm.Multiply<T>(colN, dyN, s.ImageDWt, k, fn, p, false, true, Gemm.Path.Auto, gemmThreads);
                TensorPrimitives.Add(s.DWt, s.ImageDWt, s.DWt);
                if (dx is null) continue;
                Gemm.Multiply<T>(w, dyN, s.DCol, k, p, fn, true, false, Gemm.Path.Auto, gemmThreads);   // Wᵀ·dY_n, (K, OH·OW)
                Im2Col.Backward<T>(s.DCol, dx.Span.Slice(n * inSize, inSize), image);
            }
        });
        for (int part = 1; part < scratch.Length; part++)
        {
            TensorPrimitives.Add(scratch[0].DWt, scratch[part].DWt, scratch[0].DWt);
            TensorPrimitives.Add(scratch[0].Db, scratch[part].Db, scratch[0].Db);
        }
        var dW = W.GradTarget();
        Transpose.Copy<T>(scratch[0].DWt, dW.Span, k, fn);
        W.Grad = dW;
        if (B is not null)
        {
            var db = B.GradTarget();
            scratch[0].Db.CopyTo(db.Span);
            B.Grad = db;
        }
        return dx;
    }

    /// <summary>The per-core work arrays, sized for this geometry (kept between calls).</summary>
    private PartScratch[] Scratch(int parts, int k, int fn, int p, bool inputGradient)
    {
        if (_scratch.Length != parts) _scratch = [.. Enumerable.Range(0, parts).Select(_ => new PartScratch())];
        foreach (var s in _scratch)
        {
            ScratchBuffer.Exact(ref s.DWt!, k * fn);
            ScratchBuffer.Exact(ref s.ImageDWt!, k * fn);
            ScratchBuffer.Exact(ref s.Db!, fn);
            if (inputGradient) ScratchBuffer.Exact(ref s.DCol!, k * p);
        }
        return _scratch;
    }

    /// <summary>The geometry of one image of the batch (N = 1), for the per-image im2col and col2im.</summary>
    private static ConvGeometry OneImage(ConvGeometry g) => new(1, g.C, g.H, g.W, g.FH, g.FW, g.Stride, g.Pad);

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
