namespace Course.Day04;

/// <summary>Exercise 4.2 — convolution as plain nested loops: the definition every faster form must reproduce (lesson §4.3).</summary>
public static class DirectConv
{
    /// <summary>x (N, C, H, W), w (FN, C, FH, FW), b (FN) → (N, FN, OH, OW); cross-correlation (no kernel flip),
    /// zero padding of <paramref name="pad"/> pixels on all four sides.</summary>
    /// <exception cref="ArgumentException">Shapes do not fit together, or the output size is not an exact integer.</exception>
    public static Tensor Forward(Tensor x, Tensor w, Tensor b, int stride, int pad) =>
        throw new NotImplementedException(
            "DirectConv.Forward: for every image, filter and output position, add b[f] to the sum over channels and kernel offsets of " +
            "x at (oy·stride + ky − pad, ox·stride + kx − pad) times w; a position outside the image is padding and adds 0. " +
            "Get OH, OW from ConvMath.OutputSize and check the shapes first (lesson §4.3).");
}
