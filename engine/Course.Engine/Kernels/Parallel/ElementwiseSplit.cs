namespace Course.Engine.Kernels.Parallel;

/// <summary>
/// Splits long elementwise work — an optimizer update over a 784 × 256 weight matrix, a ReLU over a convolution's
/// megabytes of activations — into one contiguous range per core. These loops are bound by memory traffic, and one core
/// alone does not reach the bandwidth two can (SGD over the MLP's 235,000 parameters: 80 µs on one core). Short ones
/// stay on the calling thread, where waking a second core would cost more than it saves.
/// </summary>
internal static class ElementwiseSplit
{
    /// <summary>Lengths below this (256 KB of floats) run on the calling thread.</summary>
    public const int MinParallelLength = 1 << 16;

    /// <summary>Calls <paramref name="body"/>(start, count) over ranges covering [0, <paramref name="length"/>) once.</summary>
    public static void For(int length, Action<int, int> body)
    {
        int parts = Environment.ProcessorCount;
        if (length < MinParallelLength || parts == 1)
        {
            body(0, length);
            return;
        }
        // Ranges of whole 64-element blocks, so no two cores write the same cache line.
        CoreTeam.ForRanges(length, parts, granule: 64, (_, start, count) => body(start, count));
    }
}
