namespace Course.Day04;

/// <summary>Exercise 4.4 — convolution layer as im2col + one matrix product (lesson §4.5).</summary>
/// <remarks>
/// x (N, C, H, W) → y (N, FN, OH, OW); W (FN, C, FH, FW) and b (FN) are the parameters "W" and "b".
/// Forward caches the column matrix and x's shape. Backward overwrites the gradients:
/// db = Σ over N, OH, OW of dY; dW = dYᵀ·col; dX = col2im(dY·W).
/// </remarks>
public sealed class ConvolutionLayer : ILayer
{
    private Tensor? _col;        // (N·OH·OW, C·FH·FW) of the last Forward
    private int[]? _inputShape;

    /// <param name="w">Filters (FN, C, FH, FW); wrapped, not copied, so an optimiser updates this tensor.</param>
    /// <param name="b">Bias (FN).</param>
    public ConvolutionLayer(Tensor w, Tensor b, int stride = 1, int pad = 0)
    {
        if (w.Rank != 4) throw new ArgumentException($"ConvolutionLayer: W must be (FN, C, FH, FW), got {w.ShapeString}.", nameof(w));
        if (b.Rank != 1 || b.Dim(0) != w.Dim(0))
            throw new ArgumentException($"ConvolutionLayer: b must be ({w.Dim(0)}) to match W {w.ShapeString}, got {b.ShapeString}.", nameof(b));
        if (stride < 1) throw new ArgumentException($"ConvolutionLayer: stride must be ≥ 1, got {stride}.", nameof(stride));
        if (pad < 0) throw new ArgumentException($"ConvolutionLayer: pad must be ≥ 0, got {pad}.", nameof(pad));
        W = new Parameter("W", w);
        B = new Parameter("b", b);
        Stride = stride;
        Pad = pad;
        Parameters = [W, B];
    }

    /// <summary>Filters (FN, C, FH, FW) and dL/dW.</summary>
    public Parameter W { get; }

    /// <summary>Bias (FN) and dL/db.</summary>
    public Parameter B { get; }

    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>y = im2col(x)·W_matᵀ + b, reshaped (N·OH·OW, FN) → (N, OH, OW, FN) → (N, FN, OH, OW).</summary>
    /// <exception cref="ArgumentException">x is not (N, C, H, W) with W's channel count C.</exception>
    public Tensor Forward(Tensor x, bool training = true)
    {
        var w = W.Value;
        int fn = w.Dim(0), c = w.Dim(1), fh = w.Dim(2), fw = w.Dim(3);
        if (x.Rank != 4 || x.Dim(1) != c)
            throw new ArgumentException($"ConvolutionLayer: expected input (N, {c}, H, W), got {x.ShapeString}.", nameof(x));
        int n = x.Dim(0);
        int oh = ConvMath.OutputSize(x.Dim(2), fh, Pad, Stride), ow = ConvMath.OutputSize(x.Dim(3), fw, Pad, Stride);
        _inputShape = x.ShapeArray;
        _col = Im2Col.Forward(x, fh, fw, Stride, Pad);
        var y = Ops.MatMul(_col, w.Reshape(fn, c * fh * fw), transB: true) + B.Value;   // (N·OH·OW, FN)
        return y.Reshape(n, oh, ow, fn).Permute(0, 3, 1, 2);
    }

    /// <param name="dOut">dL/dy, (N, FN, OH, OW).</param>
    /// <returns>dL/dx in x's shape.</returns>
    public Tensor Backward(Tensor dOut)
    {
        var col = _col ?? throw new InvalidOperationException("ConvolutionLayer.Backward called before Forward.");
        var inputShape = _inputShape!;
        var w = W.Value;
        int fn = w.Dim(0), fh = w.Dim(2), fw = w.Dim(3);
        if (dOut.Rank != 4 || dOut.Dim(0) != inputShape[0] || dOut.Dim(1) != fn || dOut.Dim(0) * dOut.Dim(2) * dOut.Dim(3) != col.Dim(0))
            throw new ArgumentException($"ConvolutionLayer.Backward: expected dOut of shape ({inputShape[0]}, {fn}, OH, OW) matching the last Forward, got {dOut.ShapeString}.", nameof(dOut));
        var dY = dOut.Permute(0, 2, 3, 1).Reshape(col.Dim(0), fn);   // rows in im2col's order (n, oy, ox)
        B.Grad = dY.Sum(axis: 0);                                      // every output position of every image used b
        W.Grad = Ops.MatMul(dY, col, transA: true).Reshape(w.ShapeArray);
        var dCol = Ops.MatMul(dY, w.Reshape(fn, col.Dim(1)));
        return Im2Col.Backward(dCol, inputShape, fh, fw, Stride, Pad);
    }
}
