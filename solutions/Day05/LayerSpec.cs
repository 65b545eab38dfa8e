namespace Course.Day05;

/// <summary>Exercise 5.1 — one layer of an architecture, described only by the numbers that fix its size (lesson §5.1).</summary>
public abstract record LayerSpec
{
    /// <summary>k×k convolution inC → outC; the bias adds outC parameters.</summary>
    public sealed record Conv(int InChannels, int OutChannels, int Kernel, int Stride = 1, int Pad = 0, bool Bias = true) : LayerSpec;

    /// <summary>k×k pooling (max or average): no parameters, no multiply–adds counted.</summary>
    public sealed record Pool(int Kernel, int Stride) : LayerSpec;

    /// <summary>Fully connected layer on the flattened input, with bias.</summary>
    public sealed record Fc(int In, int Out) : LayerSpec;

    /// <summary>Batch normalisation over C channels: γ and β are trainable, the running statistics are not.</summary>
    public sealed record BatchNorm(int Channels) : LayerSpec;

    /// <summary>Depthwise k×k convolution: one filter per channel, no channel mixing, no bias.</summary>
    public sealed record DepthwiseConv(int Channels, int Kernel, int Stride = 1, int Pad = 0) : LayerSpec;
}
