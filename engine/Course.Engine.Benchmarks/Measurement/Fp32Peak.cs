using System.Runtime.Intrinsics;

namespace Course.Engine.Benchmarks.Measurement;

/// <summary>
/// The machine's FP32 FMA peak on the benchmark's two threads, measured with independent FMA chains (no memory traffic).
/// </summary>
/// <remarks>
/// The set-up check compares OpenBLAS with this instead of a fixed figure: an AVX-512 core with two 512-bit FMA units
/// peaks near twice one whose 512-bit operations are split into 256-bit halves (e.g. AMD Zen 4), so an absolute
/// threshold is right on one machine and unreachable on the next.
/// </remarks>
public static class Fp32Peak
{
    private const int Iterations = 20_000_000;

    public static double MeasureGflops(int threads = 2)
    {
        double best = 0;
        for (int trial = 0; trial < 3; trial++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Sink(Chains()));
            double seconds = sw.Elapsed.TotalSeconds;
            double flops = (double)threads * Iterations * 12 * Vector256<float>.Count * 2;
            best = Math.Max(best, flops / seconds / 1e9);
        }
        return best;
    }

    // 12 independent accumulators hide the FMA latency (4 cycles × 2–3 ports); Vector256 is full width on every AVX2 core
    // and reaches the same FLOP rate as Vector512 where 512-bit FMAs are split.
    private static float Chains()
    {
        var m = Vector256.Create(0.999999f);
        var a = Vector256.Create(1e-7f);
        Vector256<float> x0 = Vector256.Create(1f), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0,
                         x6 = x0, x7 = x0, x8 = x0, x9 = x0, x10 = x0, x11 = x0;
        for (int i = 0; i < Iterations; i++)
        {
            x0 = Vector256.FusedMultiplyAdd(x0, m, a); x1 = Vector256.FusedMultiplyAdd(x1, m, a);
            x2 = Vector256.FusedMultiplyAdd(x2, m, a); x3 = Vector256.FusedMultiplyAdd(x3, m, a);
            x4 = Vector256.FusedMultiplyAdd(x4, m, a); x5 = Vector256.FusedMultiplyAdd(x5, m, a);
            x6 = Vector256.FusedMultiplyAdd(x6, m, a); x7 = Vector256.FusedMultiplyAdd(x7, m, a);
            x8 = Vector256.FusedMultiplyAdd(x8, m, a); x9 = Vector256.FusedMultiplyAdd(x9, m, a);
            x10 = Vector256.FusedMultiplyAdd(x10, m, a); x11 = Vector256.FusedMultiplyAdd(x11, m, a);
        }
        var s = ((x0 + x1) + (x2 + x3)) + ((x4 + x5) + (x6 + x7)) + ((x8 + x9) + (x10 + x11));
        return Vector256.Sum(s);
    }

    private static volatile float _sink;
    private static void Sink(float v) => _sink = v;
}
