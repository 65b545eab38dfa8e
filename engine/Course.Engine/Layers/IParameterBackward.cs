namespace Course.Engine;

/// <summary>
/// A layer that can run its backward pass for the parameter gradients alone, skipping dL/dInput.
/// </summary>
/// <remarks>
/// The first trainable layer of a network receives the data, whose gradient nobody reads; PyTorch skips it because the
/// input does not require grad. For an Affine layer on 784 inputs that product is over a quarter of a training step's
/// FLOPs, for a convolution it is a GEMM plus col2im. <see cref="Layers.Sequential{T}.BackwardParameters"/> calls this on
/// its first trainable layer. <see cref="ILayer{T}.Backward"/> is unchanged: it always returns a new dL/dInput.
/// </remarks>
public interface IParameterBackward<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Given dL/dOutput of the last Forward, overwrites every <see cref="Parameter{T}.Grad"/> exactly as
    /// <see cref="ILayer{T}.Backward"/> would, but computes no input gradient. Never mutates <paramref name="dOut"/>.
    /// </summary>
    void BackwardParameters(Tensor<T> dOut);
}
