using Course.Engine.Benchmarks.Measurement;
using System.Runtime.Intrinsics;
using Course.Engine.Benchmarks;
using Course.Engine.Benchmarks.Reporting;
using Course.Engine.Benchmarks.TorchSide;
using Course.Engine.Benchmarks.Workloads;

// Engine vs PyTorch CPU, same machine, same run, interleaved rounds (DESIGN.md "Benchmarks").
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var started = DateTime.UtcNow;
string loadBefore = LoadAverage();
var settings = new RunSettings(
    options.Quick,
    SamplesPerRound: options.Quick ? 3 : 5,
    SampleSeconds: options.Quick ? 0.03 : 0.05,
    FashionFolder: FashionData.Folder(null));
int rounds = options.Rounds ?? (options.Quick ? 1 : 3);

// ---- the Python side
var python = PythonEnvironment.Locate(options.Python);
string? pythonNote = python.HasTorch ? null : python.Diagnosis;
if (pythonNote is not null) Console.WriteLine(pythonNote);
if (settings.FashionFolder is null)
    Console.WriteLine("Fashion-MNIST not found: the epoch workloads are skipped. Install: " + PythonEnvironment.InstallCommand);

string script = Path.Combine(AppContext.BaseDirectory, "python", "torch_side.py");
TorchProcess? torch = python.HasNumpy ? TorchProcess.Start(python, script) : null;
string? torchVersion = null, numpyVersion = null, blasCore = null;
SetupCheck setup;
try
{
    if (torch is not null)
    {
        var hello = torch.Call(new { cmd = "hello" });
        torchVersion = (string?)hello["torch"];
        numpyVersion = (string?)hello["numpy"];
        blasCore = (string?)hello["blas_core"];
        Console.WriteLine($"Python side: {python.Executable}, torch {torchVersion ?? "missing"}, numpy {numpyVersion}, OpenBLAS core {blasCore ?? "unknown"}");
        double peak = Fp32Peak.MeasureGflops();
        Console.WriteLine($"FP32 FMA peak, 2 threads: {peak:F0} GFLOP/s");
        double threshold = options.MinBlasGflops ?? BenchmarkOptions.DefaultMinBlasShareOfPeak * peak;
        setup = SetupCheck.Run(torch, blasCore, threshold);
    }
    else
    {
        setup = SetupCheck.Unavailable("no Python with numpy: nothing to compare against. Install: " + PythonEnvironment.InstallCommand);
    }
    Console.WriteLine("Set-up check: " + setup.Reason);

    // ---- the workloads
    var workloads = new List<Workload>();
    foreach (int n in options.Quick ? [256, 512, 1024] : (int[])[256, 512, 1024, 2048]) workloads.Add(new SgemmWorkload(n));
    workloads.Add(new MlpStepWorkload());
    workloads.Add(new MlpEpochWorkload());
    workloads.Add(new TinyAddWorkload());
    workloads.Add(new TinyAffineWorkload());
    workloads.Add(new CnnStepWorkload());
    if (!options.Quick) workloads.Add(new CnnEpochWorkload());
    workloads.Add(new RecurrentWorkload("lstm"));
    workloads.Add(new RecurrentWorkload("gru"));
    if (options.Only is { } only) workloads.RemoveAll(w => !only.Contains(w.Id));

    for (int round = 0; round < rounds; round++)
    {
        foreach (var w in workloads)
        {
            if (w.Skipped is not null) continue;
            if (w is MlpEpochWorkload && round >= (options.Quick ? 1 : options.Rounds ?? 2)) continue; // 3 epochs per round each side: slow
            Console.Write($"[round {round + 1}/{rounds}] {w.Title}: engine");
            try
            {
                w.EngineRound(settings);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A layer not finished or broken, data missing: report it in the row, keep the rest of the run.
                Console.WriteLine($" failed: {e.GetType().Name}: {e.Message}");
                w.Skip($"engine failed: {e.Message}");
                continue;
            }
            if (torch is not null && (torch.HasTorch || w is SgemmWorkload) && w.Skipped is null)
            {
                Console.Write(", PyTorch");
                try
                {
                    w.TorchRound(torch, settings);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException)
                {
                    // The Python side reported an error or died: the row shows no PyTorch figure.
                    Console.Write($" failed: {e.Message}");
                }
            }
            Console.WriteLine();
        }
    }

    var info = new RunInfo(started, CpuName(), Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        Vector512.IsHardwareAccelerated, python.Executable, torchVersion, numpyVersion, blasCore, pythonNote, setup, options.Quick, rounds,
        loadBefore, LoadAverage());
    var report = new BenchmarkReport(info, workloads);
    report.PrintToConsole();
    report.Write(options.OutDir);
    Console.WriteLine();
    Console.WriteLine($"Wrote {Path.Combine(options.OutDir, "BENCHMARKS.md")} and benchmarks.json");
    return 0;
}
finally
{
    torch?.Dispose();
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string CpuName()
{
    if (!File.Exists("/proc/cpuinfo")) return System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString();
    var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
    return line is null ? "unknown CPU" : line[(line.IndexOf(':') + 1)..].Trim();
}
