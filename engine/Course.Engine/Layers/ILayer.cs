namespace Course.Engine;

/// <summary>A layer with an explicit backward pass (ゼロから作るDeep Learning / cs231n style).</summary>
/// <remarks>
/// Forward caches what Backward needs. Backward(dOut) returns a new dL/dx, never mutates dOut or the cache, and
/// overwrites every <see cref="Parameter{T}.Grad"/>; calling it twice after one Forward gives the same result.
/// Inside a <see cref="Layers.Workspace"/> the engine's layers hand out last step's tensors, rewritten, instead of new ones.
/// A wrong input shape throws <see cref="ArgumentException"/> naming the layer, expected and actual shapes.
/// </remarks>
public interface ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Computes the output; <paramref name="training"/> only switches Dropout/BatchNorm behaviour.</summary>
    Tensor<T> Forward(Tensor<T> x, bool training = true);

    /// <summary>Given dL/dOutput, returns dL/dInput and sets the parameter gradients.</summary>
    Tensor<T> Backward(Tensor<T> dOut);

    /// <summary>Learnable parameters (empty for parameter-free layers).</summary>
    IReadOnlyList<Parameter<T>> Parameters { get; }
}

/// <summary>A loss on class scores: Forward returns the mean loss over the batch, Backward returns dL/dscores.</summary>
public interface ILossLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>scores: [batch, classes]; labels: [batch] class indices. Returns the batch-mean loss.</summary>
    double Forward(Tensor<T> scores, int[] labels);

    /// <summary>dL/dscores for the last Forward, [batch, classes].</summary>
    Tensor<T> Backward();
}
