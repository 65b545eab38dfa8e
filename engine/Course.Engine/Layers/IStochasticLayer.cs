namespace Course.Engine.Layers;

/// <summary>A layer whose training Forward multiplies its input by a freshly drawn random mask (Dropout).</summary>
/// <remarks>
/// Given the mask, the layer is the linear map <c>x ↦ x ⊙ LastMask</c>. <see cref="GradCheck"/> uses that:
/// it runs one training Forward, then checks Backward against the numerical gradient of the map with the mask
/// frozen, instead of calling Forward again (which would draw a new mask).
/// </remarks>
public interface IStochasticLayer<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The multiplier applied by the last training Forward (input's shape); null before one.</summary>
    Tensor<T>? LastMask { get; }
}
