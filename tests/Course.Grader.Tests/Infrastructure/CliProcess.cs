using Course.Grader.Running;
using Course.Model.Processes;

namespace Course.Grader.Tests.Infrastructure;

/// <summary>Runs the real `course` executable as a child process.</summary>
public static class CliProcess
{
    public static Task<ChildOutcome> RunAsync(string workingDirectory, params string[] args) =>
        ChildProcess.RunAsync(DotnetHost.Path, [RepoPaths.CliDll, .. args], workingDirectory, TimeSpan.FromMinutes(5),
            Environment);

    /// <summary>Runs the CLI until it ends or <paramref name="kill"/> fires (then its whole process tree is killed).</summary>
    public static Task<ChildOutcome> RunAsyncCancellable(string workingDirectory, CancellationToken kill, params string[] args) =>
        ChildProcess.RunAsync(DotnetHost.Path, [RepoPaths.CliDll, .. args], workingDirectory, TimeSpan.FromMinutes(5), Environment, kill);

    private static readonly Dictionary<string, string> Environment = new() { ["NO_COLOR"] = "1", ["COLUMNS"] = "200" };
}
