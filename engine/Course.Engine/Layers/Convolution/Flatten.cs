namespace Course.Engine.Layers;

/// <summary>Flattens every axis after the batch axis: (N, C, H, W) → (N, C·H·W). Caches the input shape.</summary>
/// <remarks>
/// Forward returns a view of x (no copy); Backward reshapes dOut back to the cached shape — a copy, so the caller's dOut
/// is never aliased, except inside a <see cref="Workspace"/>, where it returns a view of dOut (a training loop that
/// reuses buffers never writes into a gradient it has passed on).
/// </remarks>
public sealed class Flatten<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _inputShape;

    public IReadOnlyList<Parameter<T>> Parameters => [];

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank < 2) throw new ArgumentException($"Flatten: expected input of shape (N, …) with rank ≥ 2, got {x.ShapeString}.");
        _inputShape = x.ShapeArray;
        return x.Flatten2D();
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var shape = _inputShape ?? throw new InvalidOperationException("Flatten.Backward called before Forward.");
        if (dOut.Length != Shapes.Product(shape))
            throw new ArgumentException($"Flatten.Backward: dOut {dOut.ShapeString} does not match the input {Shapes.Format(shape)}.");
        return Workspace.InUse ? dOut.Reshape(shape) : dOut.Clone().Reshape(shape);
    }
}
