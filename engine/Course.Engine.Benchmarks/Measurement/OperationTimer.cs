using System.Diagnostics;

namespace Course.Engine.Benchmarks.Measurement;

/// <summary>
/// Times an engine operation the same way the Python side times PyTorch: warm up (JIT tiers, caches, thread pool),
/// pick an inner repeat count so one sample lasts about <c>sampleSeconds</c>, then record per-call seconds.
/// </summary>
public static class OperationTimer
{
    public static IEnumerable<double> Measure(Action operation, int samples, double sampleSeconds)
    {
        // Warm-up: enough calls for tiered compilation to reach optimised code on hot paths.
        var warm = Stopwatch.StartNew();
        int warmCalls = 0;
        while (warmCalls < 3 || (warm.Elapsed.TotalSeconds < 0.25 && warmCalls < 200))
        {
            operation();
            warmCalls++;
        }
        double one = warm.Elapsed.TotalSeconds / warmCalls;
        int inner = Math.Max(1, (int)(sampleSeconds / Math.Max(one, 1e-8)));
        var result = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < inner; i++) operation();
            result[s] = Stopwatch.GetElapsedTime(start).TotalSeconds / inner;
        }
        return result;
    }
}
