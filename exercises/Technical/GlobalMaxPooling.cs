namespace Cert.Technical;

/// <summary>T3: global max pooling — (N, C, H, W) → (N, C), the maximum of each channel's map.</summary>
public sealed class GlobalMaxPooling : ILayer
{
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("GlobalMaxPooling.Forward: the maximum over H·W for every (n, c); remember where it was (the first one on ties).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("GlobalMaxPooling.Backward: dX is zero except at each remembered maximum, which gets dOut[n, c].");
}
