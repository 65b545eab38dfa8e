namespace Cert.Technical;

/// <summary>T1: Swish — y = x·σ(x), elementwise on any shape.</summary>
/// <remarks>Forward keeps what Backward needs; Backward(dOut) returns a new dX and never writes into dOut.</remarks>
public sealed class SwishLayer : ILayer
{
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("SwishLayer.Forward: y = x·σ(x) with σ(x) = 1/(1 + exp(−x)); keep a copy of x for Backward.");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("SwishLayer.Backward: by the product rule y′ = σ(x) + x·σ(x)(1 − σ(x)); dX = dOut ⊙ y′, dOut unchanged.");
}
