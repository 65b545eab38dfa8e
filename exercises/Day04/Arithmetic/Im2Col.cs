namespace Course.Day04;

/// <summary>Exercise 4.3 — im2col unrolls every receptive field into a row so a convolution becomes one matrix product;
/// col2im is its adjoint (lesson §4.4).</summary>
public static class Im2Col
{
    /// <summary>(N, C, H, W) → (N·OH·OW, C·FH·FW): row n·OH·OW + oy·OW + ox holds the window of output (oy, ox) of image n,
    /// columns ordered (c, fy, fx) so that w.Reshape(FN, C·FH·FW) multiplies it directly. Padded pixels are 0.</summary>
    public static Tensor Forward(Tensor x, int fh, int fw, int stride, int pad) =>
        throw new NotImplementedException(
            "Im2Col.Forward: copy each output position's window into one row, in the same (channel, row, column) order as a filter " +
            "flattened by Reshape, so that the convolution becomes col·W_matᵀ; pixels from the padding stay 0 (lesson §4.4).");

    /// <summary>col2im: adds every entry of <paramref name="col"/> (N·OH·OW, C·FH·FW) back onto the pixel it was copied from
    /// (a pixel shared by overlapping windows receives the sum); entries that came from padding are dropped.
    /// Returns a tensor of <paramref name="inputShape"/> (N, C, H, W).</summary>
    public static Tensor Backward(Tensor col, int[] inputShape, int fh, int fw, int stride, int pad) =>
        throw new NotImplementedException(
            "Im2Col.Backward: walk the same loops as Forward in reverse direction of the copy — add (+=) each column entry onto the pixel it came from. " +
            "A pixel in several windows collects several contributions; that is what makes it the adjoint (lesson §4.4).");
}
