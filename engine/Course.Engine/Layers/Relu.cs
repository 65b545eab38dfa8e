namespace Course.Engine.Layers;

/// <summary>Rectified linear unit <c>y = max(0, x)</c>, elementwise; any shape.</summary>
/// <remarks>
/// Forward caches x. Backward: dX = dOut where x &gt; 0, else 0 (the derivative at exactly 0 is taken as 0,
/// matching the mask <c>x &gt; 0</c> of ゼロから作るDeep Learning §5.5). Inside a <see cref="Workspace"/>, y and dX
/// are written into the tensors of the previous step.
/// </remarks>
public sealed class Relu<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _x;

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <summary>x: any shape → y: same shape.</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        _x = x;
        var y = Workspace.Output<T>(this, x.Shape);
        Kernels.Activations.Relu(x, y);
        return y;
    }

    /// <returns>dL/dx, same shape as x.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var x = _x ?? throw new InvalidOperationException("Relu.Backward called before Forward.");
        ShapeGuard.RequireSameAsOutput("Relu", x, dOut);
        var dx = Workspace.InputGradient<T>(this, x.Shape);
        Kernels.Activations.ReluBackward(x, dOut, dx);   // dOut where x > 0
        return dx;
    }
}
