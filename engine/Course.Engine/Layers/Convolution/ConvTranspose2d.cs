using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Transposed ("fractionally strided") convolution: the adjoint of <see cref="Conv2d{T}"/>'s input gradient, used to upsample in DCGAN generators.</summary>
/// <remarks>
/// x: (N, Cin, H, W) → (N, Cout, OH, OW) with OH = (H − 1)·stride − 2·pad + K. W: (Cin, Cout, K, K) (PyTorch's layout),
/// b: (Cout) or none; parameters "W", "b". Forward: col = W'ᵀ·x' (W' = W as (Cin, Cout·K·K), x' = x as (Cin, N·H·W)), then col2im.
/// With shared weights ⟨Conv2d(y), x⟩ = ⟨y, ConvTranspose2d(x)⟩ (no bias). Forward caches x'.
/// Backward: dcol = im2col(dY); dx' = W'·dcol; dW' = x'·dcolᵀ; db = Σ dY over N, OH, OW.
/// </remarks>
public sealed class ConvTranspose2d<T> : ConvolutionLayer<T>, ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _x;
    private ConvGeometry _geometry;

    /// <summary>Weights N(0, 2/(Cin·K·K))-style by <paramref name="init"/>, zero bias.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernel, Rng rng, int stride = 1, int pad = 0,
                           WeightInit init = WeightInit.He, bool bias = true)
        : this(Init.Weights<T>(init, inChannels * kernel * kernel, rng, 0.01, inChannels, outChannels, kernel, kernel),
               bias ? Tensor<T>.Zeros(outChannels) : null, stride, pad)
    {
    }

    /// <summary>From explicit weights <paramref name="w"/> (Cin, Cout, K, K) and bias <paramref name="b"/> (Cout) or none
    /// (DCGAN generators drop the bias before BatchNorm).</summary>
    public ConvTranspose2d(Tensor<T> w, Tensor<T>? b, int stride = 1, int pad = 0)
        : base("ConvTranspose2d", Checked(w, b), b, stride, pad)
    {
    }

    public int InChannels => W.Value.Dim(0);
    public int OutChannels => W.Value.Dim(1);
    public int Kernel => W.Value.Dim(2);

    private static Tensor<T> Checked(Tensor<T> w, Tensor<T>? b)
    {
        if (w.Rank != 4 || w.Dim(2) != w.Dim(3) || (b is not null && (b.Rank != 1 || b.Dim(0) != w.Dim(1))))
            throw new ArgumentException($"ConvTranspose2d: expected W (Cin, Cout, K, K) and b (Cout), got {w.ShapeString} and {b?.ShapeString ?? "no bias"}.");
        return w;
    }

    /// <summary>(H − 1)·stride − 2·pad + K.</summary>
    public int OutputSize(int input) => (input - 1) * Stride - 2 * Pad + Kernel;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank != 4 || x.Dim(1) != InChannels)
            throw new ArgumentException($"ConvTranspose2d: expected input of shape (N, {InChannels}, H, W), got {x.ShapeString}.");
        int n = x.Dim(0), h = x.Dim(2), w = x.Dim(3), oh = OutputSize(h), ow = OutputSize(w);
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"ConvTranspose2d: input {x.ShapeString} gives an empty output {oh}×{ow} (stride {Stride}, pad {Pad}, K {Kernel}).");
        var g = new ConvGeometry(n, OutChannels, oh, ow, Kernel, Kernel, Stride, Pad);
        var xFlat = Tensor<T>.Zeros(InChannels, n * h * w);
        LeadingAxesSwap.Copy<T>(x.Span, xFlat.Span, n, InChannels, h * w);
        var col = Ops.MatMul(W.Value.Reshape(InChannels, g.K), xFlat, transA: true);    // (Cout·K·K, N·H·W)
        var y = Tensor<T>.Zeros(n, OutChannels, oh, ow);
        Im2Col.Backward<T>(col.Span, y.Span, g);
        var ys = y.Span;
        int p = oh * ow;
        if (B is not null)
            for (int b = 0; b < n; b++)
            for (int c = 0; c < OutChannels; c++)
            {
                var plane = ys.Slice((b * OutChannels + c) * p, p);
                System.Numerics.Tensors.TensorPrimitives.Add<T>(plane, B.Value.Span[c], plane);
            }
        _x = xFlat;
        _geometry = g;
        return y;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var xFlat = _x ?? throw new InvalidOperationException("ConvTranspose2d.Backward called before Forward.");
        var g = _geometry;
        if (dOut.Rank != 4 || dOut.Dim(0) != g.N || dOut.Dim(1) != g.C || dOut.Dim(2) != g.H || dOut.Dim(3) != g.W)
            throw new ArgumentException($"ConvTranspose2d.Backward: expected dOut of shape ({g.N}, {g.C}, {g.H}, {g.W}), got {dOut.ShapeString}.");
        var dCol = Tensor<T>.Zeros(g.K, g.NP);
        Im2Col.Forward<T>(dOut.Span, dCol.Span, g);
        var dxFlat = Ops.MatMul(W.Value.Reshape(InChannels, g.K), dCol);                 // (Cin, N·H·W)
        W.Grad = Ops.MatMul(xFlat, dCol, transB: true).Reshape(W.Value.ShapeArray);
        if (B is not null)
        {
            var db = Tensor<T>.Zeros(g.C);
            int p = g.H * g.W;
            for (int b = 0; b < g.N; b++)
            for (int c = 0; c < g.C; c++)
                db.Span[c] += System.Numerics.Tensors.TensorPrimitives.Sum<T>(dOut.Span.Slice((b * g.C + c) * p, p));
            B.Grad = db;
        }
        int hw = g.OH * g.OW;
        var dx = Tensor<T>.Zeros(g.N, InChannels, g.OH, g.OW);
        LeadingAxesSwap.Copy<T>(dxFlat.Span, dx.Span, InChannels, g.N, hw);
        return dx;
    }
}
