using System.Diagnostics;
using System.Text;

namespace Course.Model.Processes;

/// <summary>The outcome of one child process: exit code (null when killed), whether the wall clock ran out, and capped output.</summary>
public sealed record ChildOutcome(int? ExitCode, bool TimedOut, string StdOut, string StdErr, TimeSpan Elapsed);

/// <summary>Runs a child process with a wall-clock limit, killing its whole tree when the limit passes.</summary>
public static class ChildProcess
{
    /// <summary>Learner code can print without end (and without a newline): keep the head of each stream only.</summary>
    private const int OutputCapChars = 64 * 1024;

    /// <param name="inheritEnvironment">false: the child gets only <paramref name="environment"/> (sandboxed learner code).</param>
    /// <param name="standardInput">written to the child's stdin, which is then closed (a secret handed over this way
    /// never appears in its command line or environment).</param>
    public static async Task<ChildOutcome> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancel = default, bool inheritEnvironment = true,
        string? standardInput = null)
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
        if (!inheritEnvironment) info.Environment.Clear();
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
            foreach (var (k, v) in environment) info.Environment[k] = v;

        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        if (!process.Start()) throw new InvalidOperationException($"could not start {fileName}");
        if (standardInput is not null)
        {
            try { await process.StandardInput.WriteAsync(standardInput); await process.StandardInput.FlushAsync(cancel); }
            catch (IOException) { } // the child exited before reading: its outcome says why
        }
        try { process.StandardInput.Close(); } catch (IOException) { }
        // Read in blocks rather than lines: a line never ended must not grow without bound in the grader.
        var stdout = ReadCappedAsync(process.StandardOutput);
        var stderr = ReadCappedAsync(process.StandardError);

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
        // A grandchild that kept the pipes open must not hold the grader: give the readers a moment, then move on.
        var drained = Task.WhenAll(stdout, stderr);
        await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        return new ChildOutcome(timedOut ? null : process.ExitCode, timedOut,
            drained.IsCompletedSuccessfully ? stdout.Result : "", drained.IsCompletedSuccessfully ? stderr.Result : "", watch.Elapsed);
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        var truncated = false;
        int n;
        while ((n = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0)
        {
            var room = OutputCapChars - kept.Length;
            if (room > 0) kept.Append(buffer, 0, Math.Min(room, n));
            if (n > room) truncated = true;
        }
        return truncated ? kept + "\n[output truncated]\n" : kept.ToString();
    }
}
