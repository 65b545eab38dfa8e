namespace Course.Day04;

/// <summary>Exercise 4.1 — the arithmetic of a convolution layer: output size, parameter count, receptive field (lesson §4.2).</summary>
public static class ConvMath
{
    /// <summary>OH = (input + 2·pad − kernel)/stride + 1.</summary>
    /// <exception cref="ArgumentException">The division is not exact, or the result is ≤ 0 (the kernel does not fit the padded input).
    /// The course uses exact division; PyTorch and the engine floor instead, silently dropping the last rows.</exception>
    public static int OutputSize(int input, int kernel, int pad, int stride) =>
        throw new NotImplementedException(
            "ConvMath.OutputSize: the padded input is input + 2·pad wide; count how many kernel positions fit when it moves by stride. " +
            "Reject (ArgumentException) a kernel wider than the padded input and a division that is not exact (lesson §4.2).");

    /// <summary>Weights C_in·C_out·kh·kw, plus one bias per output channel when <paramref name="bias"/> is set.</summary>
    public static int ParameterCount(int inChannels, int outChannels, int kh, int kw, bool bias = true) =>
        throw new NotImplementedException(
            "ConvMath.ParameterCount: every output channel has one kh×kw kernel per input channel, and one bias (lesson §4.2).");

    /// <summary>Receptive field (in input pixels, along one axis) of one unit after the given (kernel, stride) layers, first layer first.</summary>
    public static int ReceptiveField(IReadOnlyList<(int Kernel, int Stride)> layers) =>
        throw new NotImplementedException(
            "ConvMath.ReceptiveField: each layer widens the field by (kernel − 1) steps of its input, and one step of a layer's input " +
            "spans the product of all earlier strides in pixels (lesson §4.2).");
}
