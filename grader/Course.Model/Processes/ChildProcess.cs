using System.Diagnostics;
using System.Text;

namespace Course.Grader.Running;

/// <summary>The outcome of one child process: exit code (null when killed), whether the wall clock ran out, and capped output.</summary>
public sealed record ChildOutcome(int? ExitCode, bool TimedOut, string StdOut, string StdErr, TimeSpan Elapsed);

/// <summary>Runs a child process with a wall-clock limit, killing its whole tree when the limit passes.</summary>
public static class ChildProcess
{
    /// <summary>Learner code can print without end; keep the head of each stream only.</summary>
    private const int OutputCapChars = 64 * 1024;

    public static async Task<ChildOutcome> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancel = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
            foreach (var (k, v) in environment) info.Environment[k] = v;

        var stdout = new CappedBuffer();
        var stderr = new CappedBuffer();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => stdout.Append(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        if (!process.Start()) throw new GradingException($"could not start {fileName}");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancel.IsCancellationRequested;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
            cancel.ThrowIfCancellationRequested();
        }
        process.WaitForExit(); // drains the asynchronous output readers
        return new ChildOutcome(timedOut ? null : process.ExitCode, timedOut, stdout.ToString(), stderr.ToString(), watch.Elapsed);
    }

    private sealed class CappedBuffer
    {
        private readonly StringBuilder text = new();
        private bool truncated;

        public void Append(string? line)
        {
            if (line is null) return;
            lock (text)
            {
                if (text.Length + line.Length > OutputCapChars) { truncated = true; return; }
                text.AppendLine(line);
            }
        }

        public override string ToString()
        {
            lock (text) return truncated ? text + "[output truncated]\n" : text.ToString();
        }
    }
}
