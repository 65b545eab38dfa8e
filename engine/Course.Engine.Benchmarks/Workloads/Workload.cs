using Course.Engine.Benchmarks.Measurement;
using Course.Engine.Benchmarks.TorchSide;

namespace Course.Engine.Benchmarks.Workloads;

/// <summary>How hard to measure: samples per round, seconds per sample, where the data lives.</summary>
public sealed record RunSettings(bool Quick, int SamplesPerRound, double SampleSeconds, string? FashionFolder);

/// <summary>
/// One benchmark: the same computation in the engine and in PyTorch. The harness alternates <see cref="EngineRound"/>
/// and <see cref="TorchRound"/> for several rounds so slow drifts in machine load hit both sides alike.
/// </summary>
public abstract class Workload
{
    /// <summary>Stable identifier (benchmarks.json key).</summary>
    public abstract string Id { get; }

    /// <summary>What is measured, for the table.</summary>
    public abstract string Title { get; }

    /// <summary>The issue/section the workload belongs to.</summary>
    public abstract string Group { get; }

    /// <summary>The time ratio ours/torch must stay at or below (null: informative only).</summary>
    public virtual double? TargetRatio => null;

    /// <summary>Floating-point operations per call, when a throughput (GFLOP/s) is meaningful.</summary>
    public virtual double? Flops => null;

    /// <summary>Engine seconds per call.</summary>
    public Samples Ours { get; } = new();

    /// <summary>PyTorch seconds per call, per torch thread count tried.</summary>
    public SortedDictionary<int, Samples> Torch { get; } = new();

    /// <summary>NumPy seconds per call (SGEMM only).</summary>
    public Samples? Numpy { get; protected set; }

    /// <summary>Row label for the accuracy table.</summary>
    public virtual string AccuracyLabel => Title;

    /// <summary>How far (in percentage points) the engine's accuracy may sit from PyTorch's, when that is a target.</summary>
    public virtual double? AccuracyTolerancePoints => null;

    public double? OursAccuracy { get; protected set; }
    public double? TorchAccuracy { get; protected set; }

    /// <summary>Why this workload did not run (missing data, missing layer), or null.</summary>
    public string? Skipped { get; protected set; }

    /// <summary>The faster torch configuration (lower median), the one the ratio compares against.</summary>
    public (int Threads, Samples Samples)? BestTorch =>
        Torch.Count == 0 ? null : Torch.Where(kv => kv.Value.Count > 0).OrderBy(kv => kv.Value.Median)
            .Select(kv => ((int, Samples)?)(kv.Key, kv.Value)).FirstOrDefault();

    /// <summary>Marks the workload as not run, with the reason printed in its row.</summary>
    public void Skip(string reason) => Skipped = reason;

    public abstract void EngineRound(RunSettings settings);

    public abstract void TorchRound(TorchProcess torch, RunSettings settings);

    protected Samples TorchSamples(int threads) =>
        Torch.TryGetValue(threads, out var s) ? s : Torch[threads] = new Samples();
}
