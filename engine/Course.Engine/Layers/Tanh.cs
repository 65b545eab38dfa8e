namespace Course.Engine.Layers;

/// <summary>Hyperbolic tangent, elementwise; any shape.</summary>
/// <remarks>Forward caches the output y, values in (−1, 1). Backward: dX = dOut ⊙ (1 − y²).</remarks>
public sealed class Tanh<T>() : ElementwiseActivation<T>("Tanh") where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void Function(ReadOnlySpan<T> x, Span<T> y) => Kernels.Activations.Tanh(x, y);

    protected override void Derivative(ReadOnlySpan<T> y, ReadOnlySpan<T> dOut, Span<T> dx) =>
        Kernels.Activations.TanhBackward(y, dOut, dx);   // dOut ⊙ (1 − y²)
}
