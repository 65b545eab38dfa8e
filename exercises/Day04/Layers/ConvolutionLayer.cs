namespace Course.Day04;

/// <summary>Exercise 4.4 — convolution layer as im2col + one matrix product (lesson §4.5).</summary>
/// <remarks>
/// x (N, C, H, W) → y (N, FN, OH, OW); W (FN, C, FH, FW) and b (FN) are the parameters "W" and "b".
/// Forward caches the column matrix and x's shape. Backward overwrites the gradients:
/// db = Σ over N, OH, OW of dY; dW = dYᵀ·col; dX = col2im(dY·W).
/// </remarks>
public sealed class ConvolutionLayer : ILayer
{
    /// <param name="w">Filters (FN, C, FH, FW); wrapped, not copied, so an optimiser updates this tensor.</param>
    /// <param name="b">Bias (FN).</param>
    public ConvolutionLayer(Tensor w, Tensor b, int stride = 1, int pad = 0) =>
        throw new NotImplementedException(
            "ConvolutionLayer(w, b, stride, pad): wrap w and b as the parameters \"W\" and \"b\", keep stride and pad, and reject " +
            "(ArgumentException) a w that is not 4-D, a b that does not have one entry per filter, stride < 1 or pad < 0 (lesson §4.5).");

    /// <summary>Filters (FN, C, FH, FW) and dL/dW.</summary>
    public Parameter W { get; }

    /// <summary>Bias (FN) and dL/db.</summary>
    public Parameter B { get; }

    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>y = im2col(x)·W_matᵀ + b, reshaped (N·OH·OW, FN) → (N, OH, OW, FN) → (N, FN, OH, OW).</summary>
    /// <exception cref="ArgumentException">x is not (N, C, H, W) with W's channel count C.</exception>
    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "ConvolutionLayer.Forward: unroll x with your Im2Col, multiply by the filters flattened to (FN, C·FH·FW) (transposed), add b, " +
            "then bring the (N·OH·OW, FN) result into (N, FN, OH, OW) order. A wrong channel count is an ArgumentException naming " +
            "ConvolutionLayer, the expected and the actual shape (lesson §4.5).");

    /// <param name="dOut">dL/dy, (N, FN, OH, OW).</param>
    /// <returns>dL/dx in x's shape.</returns>
    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "ConvolutionLayer.Backward: undo Forward's reordering so dOut becomes (N·OH·OW, FN), then it is an Affine backward on the " +
            "column matrix: db sums over every row, dW = dYᵀ·col reshaped like W, and dcol = dY·W_mat goes back to pixels with col2im (lesson §4.5).");
}
