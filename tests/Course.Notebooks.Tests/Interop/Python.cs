using System.Diagnostics;

namespace Course.Notebooks.Tests.Interop;

/// <summary>
/// A Python 3 interpreter that has the given modules (Debian's /usr/bin/python3 first: a pyenv
/// python3 earlier on PATH usually lacks the apt-installed Jupyter packages). Null when none has them.
/// </summary>
public static class Python
{
    private static readonly string[] Candidates = ["/usr/bin/python3", "python3"];

    public static string? WithModules(params string[] modules)
    {
        foreach (var candidate in Candidates)
        {
            var (code, _, _) = Run(candidate, ["-c", string.Join(";", modules.Select(m => $"import {m}"))], TimeSpan.FromSeconds(30));
            if (code == 0) return candidate;
        }

        return null;
    }

    public static (int ExitCode, string StdOut, string StdErr) Run(string executable, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) start.Environment[key] = value;
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, stdout.Result, stderr.Result + $"\n(timed out after {timeout.TotalSeconds} s)");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
