using Course.Engine.Benchmarks.TorchSide;

namespace Course.Engine.Benchmarks;

/// <summary>
/// Is the PyTorch side at its best? numpy's SGEMM 1024 (the same OpenBLAS torch calls) must reach the threshold,
/// otherwise ratios would flatter the engine and are not printed. Also records what OpenBLAS says about itself.
/// </summary>
public sealed record SetupCheck(bool Passed, double NumpyGflops, double Threshold, string? BlasCore, string Reason)
{
    public static SetupCheck Run(TorchProcess python, string? blasCore, double threshold)
    {
        var times = TorchProcess.Times(python.Call(new { cmd = "sgemm", lib = "numpy", n = 1024, samples = 7 }));
        Array.Sort(times);
        double gflops = 2.0 * 1024 * 1024 * 1024 / times[times.Length / 2] / 1e9;
        bool passed = gflops >= threshold;
        string reason = passed
            ? $"numpy SGEMM 1024 = {gflops:F0} GFLOP/s ≥ {threshold:F0} (OpenBLAS core: {blasCore ?? "unknown"})"
            : $"numpy SGEMM 1024 = {gflops:F0} GFLOP/s < {threshold:F0} required (OpenBLAS core: {blasCore ?? "unknown"}). " +
              "PyTorch is not at its best, so ratios are withheld. Check: libopenblas0-pthread installed (not reference BLAS), " +
              "OPENBLAS_CORETYPE unset (Haswell halves SGEMM), no other heavy process on the cores; on a machine whose peak " +
              "is lower, pass --min-blas-gflops with a figure measured there.";
        return new SetupCheck(passed, gflops, threshold, blasCore, reason);
    }

    public static SetupCheck Unavailable(string why) => new(false, double.NaN, double.NaN, null, why);
}
