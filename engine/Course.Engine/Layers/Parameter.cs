namespace Course.Engine;

/// <summary>A learnable tensor and the gradient of the loss with respect to it (same shape).</summary>
/// <remarks>Layers overwrite <see cref="Grad"/> in Backward (ゼロから style); optimisers update <see cref="Value"/> in place.</remarks>
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

    /// <summary>
    /// When true, the engine's layers write each new gradient into the existing <see cref="Grad"/> tensor (when it has
    /// <see cref="Value"/>'s shape) instead of assigning a new one, so a training loop allocates no gradient memory per
    /// step — PyTorch reuses <c>.grad</c> the same way. A reference to Grad taken before a Backward then sees the new
    /// values: clone it to keep a snapshot. Off by default (every Backward assigns a fresh tensor).
    /// </summary>
    public bool ReuseGradStorage { get; set; }

    /// <summary>Where a layer's Backward writes this parameter's new gradient (every element), before assigning it to Grad.</summary>
    internal Tensor<T> GradTarget() =>
        ReuseGradStorage && Grad is not null && Grad.SameShape(Value) ? Grad : Tensor<T>.Uninitialized(Value.ShapeArray);

    public override string ToString() => $"{Name}{Value.ShapeString}";
}
