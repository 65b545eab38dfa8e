namespace Course.Engine.Layers;

/// <summary>Logistic sigmoid <c>y = 1 / (1 + e^(−x))</c>, elementwise; any shape.</summary>
/// <remarks>
/// Forward caches the output y; values in (0, 1) (exactly 0/1 only where double rounding saturates). Backward:
/// dX = dOut ⊙ y ⊙ (1 − y) (the derivative in terms of the output).
/// </remarks>
public sealed class Sigmoid<T>() : ElementwiseActivation<T>("Sigmoid") where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void Function(ReadOnlySpan<T> x, Span<T> y) => Kernels.Activations.Sigmoid(x, y);

    protected override void Derivative(ReadOnlySpan<T> y, ReadOnlySpan<T> dOut, Span<T> dx) =>
        Kernels.Activations.SigmoidBackward(y, dOut, dx);   // dOut ⊙ y(1 − y)
}
