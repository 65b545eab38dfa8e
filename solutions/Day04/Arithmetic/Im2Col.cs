namespace Course.Day04;

/// <summary>Exercise 4.3 — im2col unrolls every receptive field into a row so a convolution becomes one matrix product;
/// col2im is its adjoint (lesson §4.4).</summary>
public static class Im2Col
{
    /// <summary>(N, C, H, W) → (N·OH·OW, C·FH·FW): row n·OH·OW + oy·OW + ox holds the window of output (oy, ox) of image n,
    /// columns ordered (c, fy, fx) so that w.Reshape(FN, C·FH·FW) multiplies it directly. Padded pixels are 0.</summary>
    public static Tensor Forward(Tensor x, int fh, int fw, int stride, int pad)
    {
        if (x.Rank != 4) throw new ArgumentException($"Im2Col.Forward: expected x of shape (N, C, H, W), got {x.ShapeString}.", nameof(x));
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        int oh = ConvMath.OutputSize(h, fh, pad, stride), ow = ConvMath.OutputSize(w, fw, pad, stride);
        int k = c * fh * fw;
        var col = Tensor.Zeros(n * oh * ow, k);
        var xs = x.Span; var cs = col.Span;
        for (int i = 0; i < n; i++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        {
            int row = ((i * oh + oy) * ow + ox) * k;
            for (int ch = 0; ch < c; ch++)
            for (int ky = 0; ky < fh; ky++)
            {
                int iy = oy * stride + ky - pad;
                if (iy < 0 || iy >= h) continue;
                for (int kx = 0; kx < fw; kx++)
                {
                    int ix = ox * stride + kx - pad;
                    if (ix < 0 || ix >= w) continue;
                    cs[row + (ch * fh + ky) * fw + kx] = xs[((i * c + ch) * h + iy) * w + ix];
                }
            }
        }
        return col;
    }

    /// <summary>col2im: adds every entry of <paramref name="col"/> (N·OH·OW, C·FH·FW) back onto the pixel it was copied from
    /// (a pixel shared by overlapping windows receives the sum); entries that came from padding are dropped.
    /// Returns a tensor of <paramref name="inputShape"/> (N, C, H, W).</summary>
    public static Tensor Backward(Tensor col, int[] inputShape, int fh, int fw, int stride, int pad)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 4)
            throw new ArgumentException($"Im2Col.Backward: inputShape must be (N, C, H, W), got {inputShape.Length} axes.", nameof(inputShape));
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        int oh = ConvMath.OutputSize(h, fh, pad, stride), ow = ConvMath.OutputSize(w, fw, pad, stride);
        int k = c * fh * fw;
        if (col.Rank != 2 || col.Dim(0) != n * oh * ow || col.Dim(1) != k)
            throw new ArgumentException($"Im2Col.Backward: expected col of shape ({n * oh * ow}, {k}), got {col.ShapeString}.", nameof(col));
        var dx = Tensor.Zeros(n, c, h, w);
        var cs = col.Span; var ds = dx.Span;
        for (int i = 0; i < n; i++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        {
            int row = ((i * oh + oy) * ow + ox) * k;
            for (int ch = 0; ch < c; ch++)
            for (int ky = 0; ky < fh; ky++)
            {
                int iy = oy * stride + ky - pad;
                if (iy < 0 || iy >= h) continue;
                for (int kx = 0; kx < fw; kx++)
                {
                    int ix = ox * stride + kx - pad;
                    if (ix < 0 || ix >= w) continue;
                    ds[((i * c + ch) * h + iy) * w + ix] += cs[row + (ch * fh + ky) * fw + kx];
                }
            }
        }
        return dx;
    }
}
