namespace Course.Engine.Layers;

/// <summary>
/// An activation applied element by element whose derivative is written in terms of its output, y = f(x) and
/// dX = dOut ⊙ f′ with f′ a function of y (σ: y(1 − y); tanh: 1 − y²); any shape.
/// </summary>
/// <remarks>
/// Forward caches the output y (no copy: callers must not write into it). Inside a <see cref="Workspace"/>, y and dX
/// are written into the tensors of the previous step. A subclass names its function and its derivative; the Forward and
/// Backward they run inside are the same for every such activation.
/// </remarks>
public abstract class ElementwiseActivation<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly string _name;
    private Tensor<T>? _y;

    /// <param name="name">The layer's name in error messages, e.g. "Sigmoid".</param>
    protected ElementwiseActivation(string name) => _name = name;

    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <summary>x: any shape → y = f(x), same shape.</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var y = Workspace.Output<T>(this, x.Shape);
        Function(x.Span, y.Span);
        _y = y;
        return y;
    }

    /// <returns>dL/dx, same shape as x.</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var y = _y ?? throw new InvalidOperationException($"{_name}.Backward called before Forward.");
        ShapeGuard.RequireSameAsOutput(_name, y, dOut);
        var dx = Workspace.InputGradient<T>(this, y.Shape);
        Derivative(y.Span, dOut.Span, dx.Span);
        return dx;
    }

    /// <summary>y = f(x), writing every element of <paramref name="y"/>.</summary>
    protected abstract void Function(ReadOnlySpan<T> x, Span<T> y);

    /// <summary>dX = dOut ⊙ f′, with f′ computed from the cached output <paramref name="y"/>; writes every element of <paramref name="dx"/>.</summary>
    protected abstract void Derivative(ReadOnlySpan<T> y, ReadOnlySpan<T> dOut, Span<T> dx);
}
