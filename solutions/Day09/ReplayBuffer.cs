namespace Course.Day09;

/// <summary>Exercise 9.2 — experience replay: a ring buffer of (s, a, r, s', done) with uniform sampling (lesson §9.2).</summary>
/// <remarks>Observations are copied in on <see cref="Add"/>, so the caller may reuse or change its tensors afterwards.</remarks>
public sealed class ReplayBuffer
{
    private readonly double[] _s, _s2, _r;
    private readonly int[] _a;
    private readonly bool[] _done;
    private int _next;

    public ReplayBuffer(int capacity, int observationSize)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), $"ReplayBuffer: capacity must be positive, got {capacity}.");
        if (observationSize < 1)
            throw new ArgumentOutOfRangeException(nameof(observationSize), $"ReplayBuffer: observation size must be positive, got {observationSize}.");
        Capacity = capacity;
        ObservationSize = observationSize;
        _s = new double[capacity * observationSize];
        _s2 = new double[capacity * observationSize];
        _r = new double[capacity];
        _a = new int[capacity];
        _done = new bool[capacity];
    }

    public int Capacity { get; }
    public int ObservationSize { get; }

    /// <summary>Items stored: grows to <see cref="Capacity"/> and stays there.</summary>
    public int Count { get; private set; }

    /// <summary>Stores copies of the observations; when full, the oldest item is overwritten.</summary>
    public void Add(Tensor s, int a, double r, Tensor s2, bool done)
    {
        if (s.Length != ObservationSize || s2.Length != ObservationSize)
            throw new ArgumentException($"ReplayBuffer.Add: observations must have {ObservationSize} values, got {s.Length} and {s2.Length}.");
        int o = _next * ObservationSize;
        s.Span.CopyTo(_s.AsSpan(o, ObservationSize));
        s2.Span.CopyTo(_s2.AsSpan(o, ObservationSize));
        _a[_next] = a;
        _r[_next] = r;
        _done[_next] = done;
        _next = (_next + 1) % Capacity;
        if (Count < Capacity) Count++;
    }

    /// <summary><paramref name="batchSize"/> items drawn uniformly with replacement from the stored ones (one NextInt each).</summary>
    public Batch Sample(int batchSize, Rng rng)
    {
        if (Count == 0) throw new InvalidOperationException("ReplayBuffer.Sample: the buffer is empty.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"ReplayBuffer.Sample: batch size must be positive, got {batchSize}.");
        int d = ObservationSize;
        var s = new double[batchSize * d];
        var s2 = new double[batchSize * d];
        var a = new int[batchSize];
        var r = new double[batchSize];
        var done = new bool[batchSize];
        for (int i = 0; i < batchSize; i++)
        {
            // Slots 0 … Count−1 are exactly the filled ones, full or not.
            int k = rng.NextInt(Count);
            _s.AsSpan(k * d, d).CopyTo(s.AsSpan(i * d, d));
            _s2.AsSpan(k * d, d).CopyTo(s2.AsSpan(i * d, d));
            a[i] = _a[k];
            r[i] = _r[k];
            done[i] = _done[k];
        }
        return new Batch(Tensor.From(s, batchSize, d), a, r, Tensor.From(s2, batchSize, d), done);
    }
}
