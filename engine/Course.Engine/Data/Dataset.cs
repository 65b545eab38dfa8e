namespace Course.Engine.Data;

/// <summary>A labelled data set: inputs <c>X</c> [N, …] (float64) and class labels <c>Y</c> [N].</summary>
/// <remarks>
/// Row i of X belongs to label Y[i]. Deconstructs as <c>var (x, y) = batch;</c>. The tensors are shared, not copied:
/// <see cref="Batches"/> and <see cref="Subset"/> gather new tensors, but X and Y themselves belong to the record.
/// </remarks>
public sealed record Dataset(Tensor<double> X, int[] Y)
{
    /// <summary>Inputs, [N, …].</summary>
    public Tensor<double> X { get; init; } = RequireMatching(X, Y);

    /// <summary>Number of samples N.</summary>
    public int Count => Y.Length;

    /// <summary>
    /// Shuffled mini-batches covering every sample once: ⌈N / size⌉ batches, the last one smaller when size does not
    /// divide N. The permutation is drawn from <paramref name="rng"/> when this method is called (not when the
    /// sequence is enumerated), so one call = one draw whatever the caller does with the batches.
    /// </summary>
    public IEnumerable<Dataset> Batches(int size, Rng rng)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), $"Dataset.Batches: batch size must be positive, got {size}.");
        ArgumentNullException.ThrowIfNull(rng);
        var order = rng.Permutation(Count);
        return Enumerate(order, size);
    }

    /// <summary>Batches in the stored order, without shuffling (evaluation passes).</summary>
    public IEnumerable<Dataset> BatchesInOrder(int size)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), $"Dataset.BatchesInOrder: batch size must be positive, got {size}.");
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        return Enumerate(order, size);
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order (copies).</summary>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        var y = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"Dataset.Subset: index {indices[i]} is outside 0..{Count - 1}.");
            y[i] = Y[indices[i]];
        }
        return new Dataset(X.Rows(indices), y);
    }

    /// <summary>The first <paramref name="count"/> samples (copies).</summary>
    public Dataset Take(int count)
    {
        if (count < 0 || count > Count) throw new ArgumentOutOfRangeException(nameof(count), $"Dataset.Take: {count} is outside 0..{Count}.");
        return new Dataset(X.Slice(0, 0, count).Clone(), Y[..count]);
    }

    /// <summary>Number of classes, taken as max(Y) + 1.</summary>
    public int Classes => Y.Length == 0 ? 0 : Y.Max() + 1;

    private IEnumerable<Dataset> Enumerate(int[] order, int size)
    {
        for (int start = 0; start < order.Length; start += size)
            yield return Subset(order.AsSpan(start, Math.Min(size, order.Length - start)));
    }

    private static Tensor<double> RequireMatching(Tensor<double> x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank == 0 || x.Dim(0) != y.Length)
            throw new ArgumentException($"Dataset: X has shape {x.ShapeString} but there are {y.Length} labels; axis 0 must match.");
        return x;
    }
}
