namespace Course.Engine;

/// <summary>A learnable tensor and the gradient of the loss with respect to it (same shape).</summary>
/// <remarks>
/// Layers overwrite <see cref="Grad"/> in Backward (ゼロから style): a new tensor each time, or, while a
/// <see cref="Layers.Workspace"/> is in use, the same tensor rewritten. Optimisers update <see cref="Value"/> in place.
/// </remarks>
public sealed class Parameter<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public Parameter(string name, Tensor<T> value)
    {
        Name = name;
        Value = value;
        Grad = Tensor<T>.ZerosLike(value);
    }

    /// <summary>Name used in reports and state dictionaries, e.g. "W1", "b1".</summary>
    public string Name { get; }

    /// <summary>The current value.</summary>
    public Tensor<T> Value { get; set; }

    /// <summary>dL/dValue from the last Backward.</summary>
    public Tensor<T> Grad { get; set; }

    public override string ToString() => $"{Name}{Value.ShapeString}";
}
