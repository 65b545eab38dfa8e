namespace Course.Engine.Environments;

/// <summary>Experience replay: a fixed-capacity ring of transitions with uniform sampling (with replacement).</summary>
/// <remarks>
/// When full, <see cref="Add"/> overwrites the oldest item. <see cref="Sample"/> draws indices only from filled slots with
/// the caller's Rng. Items are stored as given: store immutable values or copies (see <see cref="Transition.Of"/>).
/// </remarks>
public sealed class ReplayBuffer<TTransition>
{
    private readonly TTransition[] _items;
    private int _next;

    public ReplayBuffer(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), $"ReplayBuffer: capacity must be positive, got {capacity}.");
        _items = new TTransition[capacity];
    }

    public int Capacity => _items.Length;
    public int Count { get; private set; }

    /// <summary>Item i in insertion order, 0 = the oldest still stored.</summary>
    public TTransition this[int i]
    {
        get
        {
            if ((uint)i >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(i), $"ReplayBuffer: index {i} is outside [0, {Count}).");
            int oldest = Count < Capacity ? 0 : _next;
            return _items[(oldest + i) % Capacity];
        }
    }

    public void Add(TTransition item)
    {
        _items[_next] = item;
        _next = (_next + 1) % Capacity;
        if (Count < Capacity) Count++;
    }

    /// <summary><paramref name="batchSize"/> items drawn uniformly with replacement.</summary>
    public TTransition[] Sample(int batchSize, Rng rng)
    {
        if (Count == 0) throw new InvalidOperationException("ReplayBuffer.Sample: the buffer is empty.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"ReplayBuffer.Sample: batch size must be positive, got {batchSize}.");
        var batch = new TTransition[batchSize];
        for (int i = 0; i < batchSize; i++) batch[i] = _items[rng.NextInt(Count)];
        return batch;
    }
}

/// <summary>One step of experience (s, a, r, s', done).</summary>
public sealed record Transition(Tensor<double> State, int Action, double Reward, Tensor<double> NextState, bool Done)
{
    /// <summary>A transition holding copies of the observation tensors, so later changes by the caller do not leak in.</summary>
    public static Transition Of(Tensor<double> state, int action, double reward, Tensor<double> nextState, bool done)
        => new(state.Clone(), action, reward, nextState.Clone(), done);
}
