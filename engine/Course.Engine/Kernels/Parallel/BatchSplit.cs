namespace Course.Engine.Kernels.Parallel;

/// <summary>
/// Splits the images of a batch into one contiguous range per core. Per-image work (a convolution's im2col, GEMM and
/// col2im) then runs on data that fits in L2 from start to finish, instead of each stage streaming the whole batch
/// through memory; the GEMMs inside run single-threaded because the images already occupy every core. A batch of one
/// image runs on the calling thread and lets its GEMMs use every core instead.
/// </summary>
internal static class BatchSplit
{
    /// <summary>How many ranges <see cref="For"/> makes for <paramref name="items"/> items.</summary>
    public static int Parts(int items) => Math.Max(1, Math.Min(items, Environment.ProcessorCount));

    /// <summary>
    /// Calls <paramref name="body"/>(part, first, count, gemmThreads) once per range, in parallel; parts are numbered
    /// 0 … <see cref="Parts"/> − 1 so each can own scratch memory.
    /// </summary>
    public static void For(int items, Action<int, int, int, int> body)
    {
        int parts = Parts(items);
        if (parts == 1)
        {
            body(0, 0, items, Environment.ProcessorCount);
            return;
        }
        CoreTeam.ForRanges(items, parts, granule: 1, (part, first, count) => body(part, first, count, 1));
    }
}
