namespace Course.Day04;

/// <summary>Exercise 4.2 — convolution as plain nested loops: the definition every faster form must reproduce (lesson §4.3).</summary>
public static class DirectConv
{
    /// <summary>x (N, C, H, W), w (FN, C, FH, FW), b (FN) → (N, FN, OH, OW); cross-correlation (no kernel flip),
    /// zero padding of <paramref name="pad"/> pixels on all four sides.</summary>
    /// <exception cref="ArgumentException">Shapes do not fit together, or the output size is not an exact integer.</exception>
    public static Tensor Forward(Tensor x, Tensor w, Tensor b, int stride, int pad)
    {
        pad = 0;   // STAND-IN: no padding
        if (x.Rank != 4) throw new ArgumentException($"DirectConv: expected x of shape (N, C, H, W), got {x.ShapeString}.", nameof(x));
        if (w.Rank != 4 || w.Dim(1) != x.Dim(1))
            throw new ArgumentException($"DirectConv: expected w of shape (FN, {x.Dim(1)}, FH, FW) for x {x.ShapeString}, got {w.ShapeString}.", nameof(w));
        if (b.Rank != 1 || b.Dim(0) != w.Dim(0))
            throw new ArgumentException($"DirectConv: expected b of shape ({w.Dim(0)}), got {b.ShapeString}.", nameof(b));
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), wd = x.Dim(3);
        int fn = w.Dim(0), fh = w.Dim(2), fw = w.Dim(3);
        int oh = ConvMath.OutputSize(h, fh, pad, stride), ow = ConvMath.OutputSize(wd, fw, pad, stride);
        var y = Tensor.Zeros(n, fn, oh, ow);
        var xs = x.Span; var ws = w.Span; var bs = b.Span; var ys = y.Span;
        for (int i = 0; i < n; i++)
        for (int f = 0; f < fn; f++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        {
            double sum = bs[f];
            for (int ch = 0; ch < c; ch++)
            for (int ky = 0; ky < fh; ky++)
            {
                int iy = oy * stride + ky - pad;
                if (iy < 0 || iy >= h) continue;   // a padded row contributes 0
                for (int kx = 0; kx < fw; kx++)
                {
                    int ix = ox * stride + kx - pad;
                    if (ix < 0 || ix >= wd) continue;
                    sum += xs[((i * c + ch) * h + iy) * wd + ix] * ws[((f * c + ch) * fh + ky) * fw + kx];
                }
            }
            ys[((i * fn + f) * oh + oy) * ow + ox] = sum;
        }
        return y;
    }
}
