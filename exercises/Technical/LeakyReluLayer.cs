namespace Cert.Technical;

/// <summary>T1: Leaky ReLU — y = x for x &gt; 0, slope·x for x ≤ 0, elementwise on any shape.</summary>
/// <remarks>Forward keeps what Backward needs; Backward(dOut) returns a new dX and never writes into dOut.</remarks>
public sealed class LeakyReluLayer(double slope) : ILayer
{
    public double Slope { get; } = slope;

    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("LeakyReluLayer.Forward: y = x where x > 0, else Slope·x; keep a copy of x for Backward.");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("LeakyReluLayer.Backward: dX = dOut where x > 0, else Slope·dOut (use the slope at exactly 0); do not modify dOut.");
}
