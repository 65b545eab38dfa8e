namespace Course.Engine;

/// <summary>A layer that can keep the tensors it hands out (its output, dL/dInput) and overwrite them on the next call.</summary>
/// <remarks>
/// Off by default: every Forward and Backward then returns a new tensor, as <see cref="ILayer{T}"/> describes. A training
/// loop that is done with a step's tensors before the next step starts turns it on
/// (<see cref="Layers.Sequential{T}"/> passes the setting to its layers): each call then writes its result into the
/// tensor the same call returned last time, whenever the shape is unchanged — PyTorch's caching allocator hands freed
/// blocks back the same way. Why it matters: a new array of megabytes is memory the operating system must map page by
/// page on first touch (about 2 µs per 4 KB page on the benchmark machine), so a ReLU over a 3 MB activation costs
/// ~0.7 ms on fresh memory and ~0.1 ms on memory it used a step earlier. The price: a tensor returned by an earlier call
/// changes under the caller's feet — clone it to keep it.
/// </remarks>
public interface IBufferReuse
{
    /// <summary>When true, outputs and input gradients are written into the tensors returned by the previous call.</summary>
    bool ReuseBuffers { get; set; }
}
