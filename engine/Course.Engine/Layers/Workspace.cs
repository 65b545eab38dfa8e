using System.Runtime.CompilerServices;

namespace Course.Engine.Layers;

/// <summary>
/// Memory a training loop lends its layers from one step to the next: while a workspace is in use, each layer's output,
/// its dL/dInput and every parameter gradient are written into the tensor the same layer (or parameter) got from it
/// last time, whenever the shape is unchanged.
/// </summary>
/// <remarks>
/// <para>Without a workspace (the default) every Forward and Backward returns a new tensor and every Backward assigns a
/// new <see cref="Parameter{T}.Grad"/>, as <see cref="ILayer{T}"/> describes: nothing a layer hands out is ever
/// aliased. A training loop that is done with a step's tensors before the next step starts owns one workspace and runs
/// each step inside <see cref="Use"/>:</para>
/// <code>
/// var workspace = new Workspace();
/// foreach (var (x, labels) in batches)
///     using (workspace.Use())
///     {
///         loss.Forward(net.Forward(x), labels);
///         net.Backward(loss.Backward());
///         optimizer.Step(net.Parameters);
///     }
/// </code>
/// <para>Why it matters: a new array of megabytes is memory the operating system maps page by page on first touch,
/// so an elementwise pass over fresh memory costs several times the same pass over memory used a step earlier (the
/// engine's benchmark README has the figures); PyTorch's caching allocator and its reused <c>.grad</c> tensors hand
/// memory back the same way. The price: a tensor returned in an earlier step changes under the caller's feet (clone it
/// to keep it), and a layer object called twice inside one step hands out the same tensor twice.</para>
/// <para>The workspace in use belongs to the calling thread; scopes nest (the inner one wins until it is disposed).
/// Tensors are keyed by the owning layer or parameter object and a slot, so a workspace serves any number of networks.</para>
/// </remarks>
public sealed class Workspace
{
    [ThreadStatic] private static Workspace? active;

    private readonly Dictionary<Key, object> _tensors = new();

    /// <summary>What a layer hands out: its output (Forward) or dL/dInput (Backward).</summary>
    internal enum Slot { Output, InputGradient, Gradient }

    /// <summary>Makes this the calling thread's workspace until the returned scope is disposed.</summary>
    public Scope Use()
    {
        var scope = new Scope(active);
        active = this;
        return scope;
    }

    /// <summary>How many tensors the workspace holds (one per layer output, input gradient and parameter gradient seen).</summary>
    public int Count => _tensors.Count;

    /// <summary>Lets go of every tensor (the next step allocates afresh).</summary>
    public void Clear() => _tensors.Clear();

    /// <summary>
    /// A tensor of <paramref name="shape"/> for <paramref name="owner"/>'s output whose elements are NOT initialised
    /// (callers write every one, or clear it): the one handed out last time when a workspace is in use and the shape
    /// matches, otherwise a new one.
    /// </summary>
    internal static Tensor<T> Output<T>(object owner, params ReadOnlySpan<int> shape) where T : unmanaged, IFloatingPointIeee754<T>
        => Take<T>(owner, Slot.Output, shape);

    /// <summary>Like <see cref="Output{T}"/>, for <paramref name="owner"/>'s dL/dInput.</summary>
    internal static Tensor<T> InputGradient<T>(object owner, params ReadOnlySpan<int> shape) where T : unmanaged, IFloatingPointIeee754<T>
        => Take<T>(owner, Slot.InputGradient, shape);

    /// <summary>Where a Backward writes <paramref name="p"/>'s new gradient (every element) before assigning it to Grad.</summary>
    internal static Tensor<T> Gradient<T>(Parameter<T> p) where T : unmanaged, IFloatingPointIeee754<T>
        => Take<T>(p, Slot.Gradient, p.Value.Shape);

    /// <summary>Whether the calling thread has a workspace in use (a layer may then hand out views instead of copies).</summary>
    internal static bool InUse => active is not null;

    private static Tensor<T> Take<T>(object owner, Slot slot, ReadOnlySpan<int> shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var workspace = active;
        if (workspace is null) return Tensor<T>.Uninitialized(shape.ToArray());
        var key = new Key(owner, slot);
        if (workspace._tensors.TryGetValue(key, out var kept) && kept is Tensor<T> tensor && tensor.Shape.SequenceEqual(shape))
            return tensor;
        tensor = Tensor<T>.Uninitialized(shape.ToArray());
        workspace._tensors[key] = tensor;
        return tensor;
    }

    /// <summary>The scope of one <see cref="Use"/>: disposing it restores the workspace that was in use before.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Workspace? _previous;

        internal Scope(Workspace? previous) => _previous = previous;

        public void Dispose() => active = _previous;
    }

    /// <summary>An owner by reference (layers and parameters do not define equality) and a slot.</summary>
    private readonly struct Key(object owner, Slot slot) : IEquatable<Key>
    {
        private readonly object _owner = owner;
        private readonly Slot _slot = slot;

        public bool Equals(Key other) => ReferenceEquals(_owner, other._owner) && _slot == other._slot;
        public override bool Equals(object? obj) => obj is Key other && Equals(other);
        public override int GetHashCode() => RuntimeHelpers.GetHashCode(_owner) * 3 + (int)_slot;
    }
}
