using Course.Engine.Benchmarks.Measurement;
using Course.Engine.Benchmarks.TorchSide;
using Course.Engine.Kernels;

namespace Course.Engine.Benchmarks.Workloads;

/// <summary>Square float32 matrix product C = A·B (n×n), engine GEMM vs torch.mm (1 and 2 threads) vs numpy's @.</summary>
public sealed class SgemmWorkload(int n) : Workload
{
    private float[]? a, b, c;

    public int Size => n;
    public override string Id => $"sgemm-{n}";
    public override string Title => $"SGEMM {n}×{n}×{n} float32";
    public override string Group => "SGEMM";
    public override double? Flops => 2.0 * n * n * n;

    /// <summary>
    /// The stated target for n = 1024: at least 0.8 × OpenBLAS's throughput, judged against the faster of torch.mm and
    /// numpy's @ (both call the same OpenBLAS; numpy's is the direct call).
    /// </summary>
    public double? ThroughputTarget => n == 1024 ? 0.8 : null;

    public override void EngineRound(RunSettings settings)
    {
        if (a is null)
        {
            var rng = new Random(1);
            a = new float[n * n];
            b = new float[n * n];
            c = new float[n * n];
            for (int i = 0; i < a.Length; i++) { a[i] = rng.NextSingle(); b[i] = rng.NextSingle(); }
        }
        Ours.AddRange(OperationTimer.Measure(() => Gemm.Multiply<float>(a, b!, c!, n, n, n), settings.SamplesPerRound, 2 * settings.SampleSeconds));
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        Numpy ??= new Samples();
        Numpy.AddRange(TorchProcess.Times(torch.Call(new { cmd = "sgemm", lib = "numpy", n, samples = settings.SamplesPerRound })));
        if (!torch.HasTorch) return;
        foreach (int threads in (int[])[1, 2])
            TorchSamples(threads).AddRange(TorchProcess.Times(torch.Call(new { cmd = "sgemm", lib = "torch", n, threads, samples = settings.SamplesPerRound })));
    }
}
