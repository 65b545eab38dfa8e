using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Course.Engine.Kernels.Parallel;

/// <summary>
/// Fork-join over the cores for the engine's kernels: <see cref="For"/> runs body(0 … count − 1) on the calling thread
/// and on dedicated worker threads, and returns when every part is done.
/// </summary>
/// <remarks>
/// Unlike <c>Parallel.For</c> on the shared thread pool, the workers keep polling for about 50 µs after a job before they
/// block (the active wait of OpenMP runtimes): a training step issues its GEMMs tens of microseconds apart, and a
/// sleeping pool thread took 40–50 µs to start on the benchmark machine, a large slice of a 60 µs product. Parts are
/// claimed one at a time from a counter, so a worker that wakes late simply finds nothing left. A call from inside a
/// body (or while another thread's job runs) executes inline on the calling thread.
/// </remarks>
internal static class CoreTeam
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 20_000;   // 50 µs
    private static readonly Lazy<Worker[]> Workers = new(StartWorkers);
    private static readonly object Gate = new();
    private static Job? current;
    private static long generation;
    [ThreadStatic] private static bool insideBody;

    /// <summary>Runs <paramref name="body"/>(i) for every i in [0, <paramref name="count"/>), spread over the cores.</summary>
    public static void For(int count, Action<int> body)
    {
        if (count <= 0) return;
        if (count == 1 || insideBody || Environment.ProcessorCount == 1 || !Monitor.TryEnter(Gate))
        {
            RunInline(count, body);
            return;
        }
        try
        {
            var job = new Job(body, count);
            var workers = Workers.Value;
            Volatile.Write(ref current, job);
            Interlocked.Increment(ref generation);
            foreach (var worker in workers)
                if (Volatile.Read(ref worker.Sleeping) == 1) worker.Signal.Release();
            job.Work();
            var spin = new SpinWait();
            while (Volatile.Read(ref job.Remaining) > 0) spin.SpinOnce(sleep1Threshold: -1);
            job.Error?.Throw();
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    /// <summary>
    /// Cuts [0, <paramref name="total"/>) into <paramref name="parts"/> contiguous ranges of whole
    /// <paramref name="granule"/>s, as even as possible (the last range absorbs a ragged end), and runs
    /// <paramref name="body"/>(part, start, count) for each non-empty one through <see cref="For"/>.
    /// </summary>
    public static void ForRanges(int total, int parts, int granule, Action<int, int, int> body)
    {
        int units = (int)(((long)total + granule - 1) / granule);
        For(parts, part =>
        {
            int start = Boundary(part), end = Boundary(part + 1);
            if (end > start) body(part, start, end - start);
        });

        int Boundary(int part) => (int)Math.Min(total, (long)units * part / parts * granule);
    }

    /// <remarks>Same contract as the team: every part runs even when one throws, and the first exception is rethrown at the end.</remarks>
    private static void RunInline(int count, Action<int> body)
    {
        bool outer = !insideBody;
        insideBody = true;
        ExceptionDispatchInfo? error = null;
        try
        {
            for (int i = 0; i < count; i++)
            {
                try
                {
                    body(i);
                }
                catch (Exception e)
                {
                    error ??= ExceptionDispatchInfo.Capture(e);
                }
            }
        }
        finally
        {
            if (outer) insideBody = false;
        }
        error?.Throw();
    }

    private static Worker[] StartWorkers()
    {
        var workers = new Worker[Math.Max(0, Environment.ProcessorCount - 1)];
        for (int i = 0; i < workers.Length; i++)
        {
            var worker = workers[i] = new Worker();
            new Thread(worker.Loop) { IsBackground = true, Name = $"Course.Engine core {i + 1}" }.Start();
        }
        return workers;
    }

    /// <summary>One call's parts: claimed by index, counted down as they finish.</summary>
    private sealed class Job(Action<int> body, int count)
    {
        private readonly int _count = count;
        private int next;
        public int Remaining = count;
        public ExceptionDispatchInfo? Error;

        public void Work()
        {
            insideBody = true;
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next) - 1) < _count)
                {
                    try
                    {
                        body(i);
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref Error, ExceptionDispatchInfo.Capture(e), null);
                    }
                    Interlocked.Decrement(ref Remaining);
                }
            }
            finally
            {
                insideBody = false;
            }
        }
    }

    private sealed class Worker
    {
        public readonly SemaphoreSlim Signal = new(0);
        public int Sleeping;

        public void Loop()
        {
            long seen = 0;
            while (true)
            {
                long deadline = Stopwatch.GetTimestamp() + SpinTicks;
                while (Volatile.Read(ref generation) == seen)
                {
                    if (Stopwatch.GetTimestamp() < deadline)
                    {
                        Thread.SpinWait(20);
                        continue;
                    }
                    // Announce the sleep with a full fence, then look once more: the poster bumps the generation
                    // before it reads Sleeping, so one of the two always sees the other.
                    Interlocked.Exchange(ref Sleeping, 1);
                    if (Volatile.Read(ref generation) == seen) Signal.Wait();
                    Interlocked.Exchange(ref Sleeping, 0);
                    deadline = Stopwatch.GetTimestamp() + SpinTicks;
                }
                seen = Volatile.Read(ref generation);
                Volatile.Read(ref current)?.Work();
            }
        }
    }
}
