namespace Cert.Technical;

/// <summary>T1: ELU — y = x for x &gt; 0, α(eˣ − 1) for x ≤ 0, elementwise on any shape.</summary>
/// <remarks>Forward keeps what Backward needs; Backward(dOut) returns a new dX and never writes into dOut.</remarks>
public sealed class EluLayer(double alpha) : ILayer
{
    public double Alpha { get; } = alpha;

    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("EluLayer.Forward: y = x where x > 0, else Alpha·(exp(x) − 1); keep a copy of x for Backward.");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("EluLayer.Backward: the derivative is 1 for x > 0 and Alpha·exp(x) for x ≤ 0; dX = dOut ⊙ derivative, dOut unchanged.");
}
