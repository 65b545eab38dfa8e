using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>2-D convolution (cross-correlation, no kernel flip) computed image by image as im2col + GEMM.</summary>
/// <remarks>
/// x: (N, C, H, W) → y: (N, FN, OH, OW) with OH = (H + 2·pad − FH)/stride + 1 (floored). W: (FN, C, FH, FW), b: (FN)
/// (parameters "W" and "b"; no "b" when built without bias). Forward computes y_n = W·col_n + b for each image n, where
/// col_n = im2col(x_n) is the column matrix [C·FH·FW, OH·OW]; the column matrices are the cache (kept by
/// <see cref="ConvByImage{T}"/>, which also splits the images between the cores). Backward: db = Σ over N, OH, OW of dY;
/// dW = Σ_n dY_n·col_nᵀ; dX_n = col2im(Wᵀ·dY_n). Inside a <see cref="Workspace"/>, y, dX and the gradients are
/// written into the tensors of the previous step. <see cref="BackwardParameters"/> sets dW and db without the Wᵀ·dY
/// products and col2im (for the first layer of a network).
/// </remarks>
public sealed class Conv2d<T> : ConvolutionLayer<T>, IParameterBackward<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ConvByImage<T> _conv = new();   // holds the column matrices between Forward and Backward

    /// <summary>A convolution with weights drawn by <paramref name="init"/> (fan-in C·k·k) and zero bias.</summary>
    public Conv2d(int inChannels, int outChannels, int kernel, Rng rng, int stride = 1, int pad = 0,
                  WeightInit init = WeightInit.He, bool bias = true)
        : this(Init.Weights<T>(init, inChannels * kernel * kernel, rng, 0.01, outChannels, inChannels, kernel, kernel),
               bias ? Tensor<T>.Zeros(outChannels) : null, stride, pad)
    {
    }

    /// <summary>A convolution with the given weights <paramref name="w"/> (FN, C, FH, FW) and bias <paramref name="b"/> (FN) or none.</summary>
    public Conv2d(Tensor<T> w, Tensor<T>? b, int stride = 1, int pad = 0)
        : base("Conv2d", Checked(w, b), b, stride, pad)
    {
    }

    public int OutChannels => W.Value.Dim(0);
    public int InChannels => W.Value.Dim(1);

    private static Tensor<T> Checked(Tensor<T> w, Tensor<T>? b)
    {
        if (w.Rank != 4) throw new ArgumentException($"Conv2d: weights must be (FN, C, FH, FW), got {w.ShapeString}.");
        if (b is not null && (b.Rank != 1 || b.Dim(0) != w.Dim(0)))
            throw new ArgumentException($"Conv2d: bias must be ({w.Dim(0)}), got {b.ShapeString}.");
        return w;
    }

    /// <summary>x (N, C, H, W) → (N, FN, OH, OW). Caches the column matrices.</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var g = Geometry(x);
        var y = Workspace.Output<T>(this, g.N, OutChannels, g.OH, g.OW);
        _conv.Forward(x, W.Value, B?.Value, y, g);   // y_n = W·im2col(x_n) + b
        return y;
    }

    /// <summary>dY (N, FN, OH, OW) → dX (N, C, H, W); overwrites W.Grad (and b.Grad).</summary>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var g = CheckDOut(dOut);
        var dX = Workspace.InputGradient<T>(this, g.N, g.C, g.H, g.W);
        Gradients(dOut, dX);   // db = Σ dY, dW = Σ_n dY_n·col_nᵀ, dX_n = col2im(Wᵀ·dY_n)
        return dX;
    }

    /// <summary>dY (N, FN, OH, OW): overwrites W.Grad (and b.Grad) without computing dX.</summary>
    public void BackwardParameters(Tensor<T> dOut)
    {
        CheckDOut(dOut);
        Gradients(dOut, dX: null);
    }

    private void Gradients(Tensor<T> dOut, Tensor<T>? dX)
    {
        var dW = Workspace.Gradient(W);
        var db = B is null ? null : Workspace.Gradient(B);
        _conv.Backward(dOut, W.Value, dW, db, dX);
        W.Grad = dW;
        if (B is not null) B.Grad = db!;
    }

    private ConvGeometry CheckDOut(Tensor<T> dOut)
    {
        var g = _conv.Geometry ?? throw new InvalidOperationException("Conv2d.Backward called before Forward.");
        int fn = OutChannels;
        if (dOut.Rank != 4 || dOut.Dim(0) != g.N || dOut.Dim(1) != fn || dOut.Dim(2) != g.OH || dOut.Dim(3) != g.OW)
            throw new ArgumentException($"Conv2d.Backward: expected dOut of shape ({g.N}, {fn}, {g.OH}, {g.OW}), got {dOut.ShapeString}.");
        return g;
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
