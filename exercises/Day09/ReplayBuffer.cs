namespace Course.Day09;

/// <summary>Exercise 9.2 — experience replay: a ring buffer of (s, a, r, s', done) with uniform sampling (lesson §9.2).</summary>
/// <remarks>Observations are copied in on <see cref="Add"/>, so the caller may reuse or change its tensors afterwards.</remarks>
public sealed class ReplayBuffer
{
    public ReplayBuffer(int capacity, int observationSize)
    {
        Capacity = capacity;
        ObservationSize = observationSize;
    }

    public int Capacity { get; }
    public int ObservationSize { get; }

    /// <summary>Items stored: grows to <see cref="Capacity"/> and stays there.</summary>
    public int Count => throw new NotImplementedException(
        "ReplayBuffer.Count: how many slots hold an item — it stops growing at the capacity (lesson §9.2).");

    /// <summary>Stores copies of the observations; when full, the oldest item is overwritten.</summary>
    public void Add(Tensor s, int a, double r, Tensor s2, bool done) =>
        throw new NotImplementedException(
            "ReplayBuffer.Add: copy the transition into the next slot of a ring (index modulo capacity), overwriting the oldest when full (lesson §9.2).");

    /// <summary><paramref name="batchSize"/> items drawn uniformly with replacement from the stored ones (one NextInt each).</summary>
    public Batch Sample(int batchSize, Rng rng) =>
        throw new NotImplementedException(
            "ReplayBuffer.Sample: draw each index uniformly among the FILLED slots only, with replacement; empty buffer → throw (lesson §9.2).");
}
