using System.Diagnostics;

namespace Course.Engine.Benchmarks.TorchSide;

/// <summary>
/// Finds a Python interpreter with NumPy and PyTorch and builds the environment that lets PyTorch be its best self:
/// <c>OPENBLAS_CORETYPE</c> removed (these machines set it to Haswell, which forces OpenBLAS onto AVX2 kernels and
/// halves SGEMM) and <c>OMP_WAIT_POLICY=PASSIVE</c> (idle OpenMP workers must not spin against the engine's threads).
/// </summary>
public sealed record PythonEnvironment(string? Executable, bool HasNumpy, bool HasTorch, string Diagnosis)
{
    public const string InstallCommand =
        "sudo apt-get install python3-torch python3-numpy libopenblas0-pthread dataset-fashion-mnist";

    /// <summary>
    /// Uses the explicit path alone when given; otherwise tries $COURSE_PYTHON, /usr/bin/python3 (where Debian's torch
    /// lives: a pyenv or venv python3 earlier on PATH usually lacks it), then python3.
    /// </summary>
    public static PythonEnvironment Locate(string? explicitPath)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(explicitPath))
        {
            candidates.Add(explicitPath);
        }
        else
        {
            var env = Environment.GetEnvironmentVariable("COURSE_PYTHON");
            if (!string.IsNullOrEmpty(env)) candidates.Add(env);
            candidates.Add("/usr/bin/python3");
            candidates.Add("python3");
        }

        PythonEnvironment? numpyOnly = null;
        var tried = new List<string>();
        foreach (var exe in candidates.Distinct())
        {
            bool numpy = Probe(exe, "import numpy"), torch = numpy && Probe(exe, "import torch");
            if (numpy && torch) return new PythonEnvironment(exe, true, true, $"{exe}: numpy and torch found");
            tried.Add($"{exe}: {(numpy ? "numpy only, no torch" : "no numpy")}");
            if (numpy) numpyOnly ??= new PythonEnvironment(exe, true, false, "");
        }
        string diagnosis = "PyTorch not found (" + string.Join("; ", tried) + "). Install: " + InstallCommand;
        return numpyOnly is null
            ? new PythonEnvironment(null, false, false, diagnosis)
            : numpyOnly with { Diagnosis = diagnosis };
    }

    /// <summary>Start info for running <paramref name="script"/> with the tuned environment.</summary>
    public ProcessStartInfo StartInfo(string script)
    {
        var info = new ProcessStartInfo(Executable ?? "python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add(script);
        info.Environment.Remove("OPENBLAS_CORETYPE");
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        return info;
    }

    private static bool Probe(string exe, string code)
    {
        try
        {
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(code);
            info.Environment.Remove("OPENBLAS_CORETYPE");
            using var p = Process.Start(info)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            if (!p.WaitForExit(60_000)) { p.Kill(); return false; }
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed at that path
        }
    }
}
