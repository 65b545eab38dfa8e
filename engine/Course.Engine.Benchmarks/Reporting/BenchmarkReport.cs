using System.Globalization;
using System.Text.Json;
using Course.Engine.Benchmarks.Measurement;
using Course.Engine.Benchmarks.Workloads;

namespace Course.Engine.Benchmarks.Reporting;

/// <summary>Where and how the run happened: printed above the tables and stored in benchmarks.json.</summary>
public sealed record RunInfo(
    DateTime StartedUtc, string Cpu, int Cores, string Runtime, bool Vector512, string? Python, string? Torch, string? Numpy,
    string? BlasCore, string? PythonNote, SetupCheck Setup, bool Quick, int Rounds, string LoadBefore, string LoadAfter);

/// <summary>Turns finished workloads into the console tables, BENCHMARKS.md and benchmarks.json.</summary>
public sealed class BenchmarkReport(RunInfo info, IReadOnlyList<Workload> workloads)
{
    private bool RatiosAllowed => info.Setup.Passed;

    public TextTable TimesTable()
    {
        var t = new TextTable("workload", "engine (median ±IQR/2)", "PyTorch best (threads)", "engine / PyTorch", "target", "met");
        foreach (var w in workloads)
        {
            if (w.Skipped is not null) { t.AddRow(w.Title, "skipped", "", "", "", w.Skipped); continue; }
            var best = w.BestTorch;
            double? ratio = best is null || w.Ours.Count == 0 ? null : w.Ours.Median / best.Value.Samples.Median;
            t.AddRow(
                w.Title,
                w.Ours.Count == 0 ? "—" : $"{FormatSeconds(w.Ours.Median)} ±{w.Ours.SpreadPercent:F0}%",
                best is null ? "—" : $"{FormatSeconds(best.Value.Samples.Median)} ±{best.Value.Samples.SpreadPercent:F0}% ({best.Value.Threads}t)",
                ratio is null ? "—" : RatiosAllowed ? $"{ratio:F2}×" : "withheld",
                w.TargetRatio is { } target ? $"≤ {target:F2}" : "",
                w.TargetRatio is { } tr && ratio is { } r && RatiosAllowed ? (r <= tr ? "yes" : "NO") : "");
        }
        return t;
    }

    public TextTable SgemmTable()
    {
        var t = new TextTable("SGEMM n", "engine GFLOP/s", "PyTorch GFLOP/s (threads)", "NumPy GFLOP/s", "engine / best OpenBLAS", "target", "met");
        foreach (var w in workloads.OfType<SgemmWorkload>())
        {
            if (w.Ours.Count == 0) continue;
            double flops = w.Flops!.Value;
            var best = w.BestTorch;
            double ours = flops / w.Ours.Median / 1e9;
            double? torch = best is null ? null : flops / best.Value.Samples.Median / 1e9;
            double? numpy = w.Numpy is { Count: > 0 } np ? flops / np.Median / 1e9 : null;
            double? blas = torch is null && numpy is null ? null : Math.Max(torch ?? 0, numpy ?? 0);
            double? share = blas is { } b ? ours / b : null;
            t.AddRow(w.Size.ToString(CultureInfo.InvariantCulture),
                $"{ours:F0}",
                torch is null ? "—" : $"{torch:F0} ({best!.Value.Threads}t)",
                numpy is null ? "—" : $"{numpy:F0}",
                share is null ? "—" : RatiosAllowed ? $"{share:F2}×" : "withheld",
                w.ThroughputTarget is { } target ? $"≥ {target:F2}" : "",
                w.ThroughputTarget is { } tt && share is { } sh && RatiosAllowed ? (sh >= tt ? "yes" : "NO") : "");
        }
        return t;
    }

    public TextTable AccuracyTable()
    {
        var t = new TextTable("training run", "engine test accuracy", "PyTorch test accuracy", "difference (points)", "target", "met");
        foreach (var w in workloads.Where(w => w.OursAccuracy is not null || w.TorchAccuracy is not null))
        {
            double? diff = w.OursAccuracy is { } o && w.TorchAccuracy is { } p ? (o - p) * 100 : null;
            t.AddRow(w.AccuracyLabel, Percent(w.OursAccuracy), Percent(w.TorchAccuracy),
                diff is { } d ? $"{d:+0.0;-0.0}" : "—",
                w.AccuracyTolerancePoints is { } tol ? $"±{tol:F1}" : "",
                w.AccuracyTolerancePoints is { } tol2 && diff is { } d2 ? (Math.Abs(d2) <= tol2 ? "yes" : "NO") : "");
        }
        return t;
    }

    public string Header()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"Started {info.StartedUtc:yyyy-MM-dd HH:mm} UTC · {info.Cpu}, {info.Cores} cores · {info.Runtime} · Vector512 {(info.Vector512 ? "accelerated" : "not accelerated")}");
        sb.AppendLine($"Python {info.Python ?? "not found"} · torch {info.Torch ?? "missing"} · numpy {info.Numpy ?? "missing"} · OpenBLAS core {info.BlasCore ?? "unknown"} · OPENBLAS_CORETYPE unset, OMP_WAIT_POLICY=PASSIVE for the child");
        sb.AppendLine($"Mode {(info.Quick ? "quick" : "full")}, {info.Rounds} interleaved rounds (engine then PyTorch per workload) · load average before {info.LoadBefore}, after {info.LoadAfter}");
        sb.AppendLine($"Set-up check: {(info.Setup.Passed ? "passed" : "FAILED")} — {info.Setup.Reason}");
        if (info.PythonNote is not null) sb.AppendLine(info.PythonNote);
        return sb.ToString();
    }

    public void PrintToConsole()
    {
        Console.WriteLine();
        Console.Write(Header());
        Console.WriteLine();
        Console.Write(TimesTable().RenderText());
        Console.WriteLine();
        Console.Write(SgemmTable().RenderText());
        if (workloads.Any(w => w.OursAccuracy is not null || w.TorchAccuracy is not null))
        {
            Console.WriteLine();
            Console.Write(AccuracyTable().RenderText());
        }
    }

    public void Write(string outDir)
    {
        Directory.CreateDirectory(outDir);
        var md = new System.Text.StringBuilder();
        md.AppendLine("# Engine benchmarks: Course.Engine vs PyTorch CPU");
        md.AppendLine();
        md.AppendLine("Generated by `dotnet run -c Release --project engine/Course.Engine.Benchmarks" + (info.Quick ? " -- --quick" : "") + "`.");
        md.AppendLine("Times are per call (per epoch for epoch rows); `±` is half the interquartile range relative to the median;");
        md.AppendLine("PyTorch runs with 1 and 2 threads and the faster median is kept (epoch rows use the thread count that won the step probe).");
        md.AppendLine("Ratios are engine time / PyTorch time: below 1 the engine is faster.");
        md.AppendLine();
        foreach (var line in Header().Split('\n', StringSplitOptions.RemoveEmptyEntries)) md.AppendLine("- " + line.TrimEnd());
        md.AppendLine();
        md.AppendLine("## Times");
        md.AppendLine();
        md.Append(TimesTable().RenderMarkdown());
        md.AppendLine();
        md.AppendLine("## SGEMM throughput");
        md.AppendLine();
        md.Append(SgemmTable().RenderMarkdown());
        md.AppendLine();
        md.AppendLine("## Accuracy");
        md.AppendLine();
        md.Append(AccuracyTable().RenderMarkdown());
        File.WriteAllText(Path.Combine(outDir, "BENCHMARKS.md"), md.ToString());

        var json = new
        {
            info.StartedUtc, info.Cpu, info.Cores, info.Runtime, info.Vector512, info.Python, info.Torch, info.Numpy, info.BlasCore,
            info.Quick, info.Rounds, info.LoadBefore, info.LoadAfter, info.PythonNote,
            setupCheck = new { info.Setup.Passed, numpyGflops = Finite(info.Setup.NumpyGflops), threshold = Finite(info.Setup.Threshold), info.Setup.Reason },
            ratiosAllowed = RatiosAllowed,
            workloads = workloads.Select(w => new
            {
                w.Id, w.Title, w.Group, w.Skipped, w.TargetRatio, w.Flops,
                engine = Stats(w.Ours),
                torch = w.Torch.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => Stats(kv.Value)),
                torchBestThreads = w.BestTorch?.Threads,
                numpy = w.Numpy is null ? null : Stats(w.Numpy),
                ratio = RatiosAllowed && w.BestTorch is { } b && w.Ours.Count > 0 ? w.Ours.Median / b.Samples.Median : (double?)null,
                engineAccuracy = w.OursAccuracy,
                torchAccuracy = w.TorchAccuracy,
            }),
        };
        File.WriteAllText(Path.Combine(outDir, "benchmarks.json"),
            JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    private static object? Stats(Samples s) => s.Count == 0 ? null : new
    {
        medianSeconds = s.Median, p25 = s.P25, p75 = s.P75, min = s.Min, max = s.Max, count = s.Count, samples = s.Values,
    };

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static string Percent(double? x) => x is { } v ? $"{v * 100:F1}%" : "—";

    public static string FormatSeconds(double s) => s switch
    {
        >= 1 => $"{s:F2} s",
        >= 1e-3 => $"{s * 1e3:F2} ms",
        _ => $"{s * 1e6:F2} µs",
    };
}
