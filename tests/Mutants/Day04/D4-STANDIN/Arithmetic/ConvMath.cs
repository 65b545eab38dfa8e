namespace Course.Day04;

/// <summary>Exercise 4.1 — the arithmetic of a convolution layer: output size, parameter count, receptive field (lesson §4.2).</summary>
public static class ConvMath
{
    /// <summary>OH = (input + 2·pad − kernel)/stride + 1.</summary>
    /// <exception cref="ArgumentException">The division is not exact, or the result is ≤ 0 (the kernel does not fit the padded input).
    /// The course uses exact division; PyTorch and the engine floor instead, silently dropping the last rows.</exception>
    public static int OutputSize(int input, int kernel, int pad, int stride)
    {
        if (input <= 0 || kernel <= 0 || stride <= 0 || pad < 0)
            throw new ArgumentException($"ConvMath.OutputSize: need input > 0, kernel > 0, stride > 0, pad ≥ 0; got input {input}, kernel {kernel}, pad {pad}, stride {stride}.");
        int span = input + 2 * pad - kernel;
        return span / stride + 1;   // STAND-IN: floors, never rejects
    }

    /// <summary>Weights C_in·C_out·kh·kw, plus one bias per output channel when <paramref name="bias"/> is set.</summary>
    public static int ParameterCount(int inChannels, int outChannels, int kh, int kw, bool bias = true)
    {
        if (inChannels <= 0 || outChannels <= 0 || kh <= 0 || kw <= 0)
            throw new ArgumentException($"ConvMath.ParameterCount: every size must be positive, got in {inChannels}, out {outChannels}, kernel {kh}×{kw}.");
        return inChannels * outChannels * kh * kw;   // STAND-IN: no bias
    }

    /// <summary>Receptive field (in input pixels, along one axis) of one unit after the given (kernel, stride) layers, first layer first.</summary>
    public static int ReceptiveField(IReadOnlyList<(int Kernel, int Stride)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        int field = 1, jump = 1;   // jump: how many input pixels one step of the current layer's input covers
        foreach (var (kernel, stride) in layers)
        {
            if (kernel <= 0 || stride <= 0)
                throw new ArgumentException($"ConvMath.ReceptiveField: kernel and stride must be positive, got ({kernel}, {stride}).");
            field += (kernel - 1) * jump;
            // STAND-IN: strides ignored
        }
        return field;
    }
}
