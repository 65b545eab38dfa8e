namespace Course.Engine.Layers;

/// <summary>One tensor a layer hands out from every call (an output or dL/dInput), kept for the next call when reuse is on.</summary>
internal sealed class ReusableTensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _kept;

    /// <summary>
    /// A tensor of <paramref name="shape"/> whose elements are NOT initialised (callers write every one, or clear it):
    /// with <paramref name="reuse"/>, the tensor handed out last time when its shape matches; otherwise a new one.
    /// </summary>
    public Tensor<T> Take(bool reuse, params ReadOnlySpan<int> shape)
    {
        if (!reuse)
        {
            _kept = null;   // a layer switched back to fresh tensors holds on to nothing
            return Tensor<T>.Uninitialized(shape.ToArray());
        }
        if (_kept is null || !_kept.Shape.SequenceEqual(shape)) _kept = Tensor<T>.Uninitialized(shape.ToArray());
        return _kept;
    }
}
