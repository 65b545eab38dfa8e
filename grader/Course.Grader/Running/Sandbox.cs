namespace Course.Grader.Running;

/// <summary>
/// How a learner's test process is confined. Always: its own process, a scratch working directory holding only
/// compiled assemblies, a wall-clock limit, a GC heap hard limit, HOME pointing at the scratch folder.
/// On Linux as root with util-linux <c>unshare</c>: also a fresh network namespace (no network at all) and a private
/// mount namespace in which the course root and the submissions are covered by empty tmpfs mounts, so the process
/// cannot read hidden tests, solutions or other learners' folders even if the policy scan missed something.
/// Elsewhere those two rely on the policy scan alone (<see cref="Describe"/> says which applies).
/// </summary>
public sealed class Sandbox
{
    private static readonly Lazy<bool> NamespacesAvailable = new(ProbeNamespaces);

    public Sandbox(IReadOnlyList<string> hiddenPaths, long memoryLimitBytes)
    {
        HiddenPaths = hiddenPaths.Select(Path.GetFullPath).Distinct().ToList();
        MemoryLimitBytes = memoryLimitBytes;
    }

    /// <summary>Folders the child must not see (course root, submission roots).</summary>
    public IReadOnlyList<string> HiddenPaths { get; }

    public long MemoryLimitBytes { get; }

    public static bool UsesNamespaces => NamespacesAvailable.Value;

    public static string Describe() => UsesNamespaces
        ? "child process; no network (network namespace); course root and submissions hidden (mount namespace); heap hard limit; wall-clock limit"
        : "child process; heap hard limit; wall-clock limit; network and file access prevented by the policy scan only (no unshare/root here)";

    /// <summary>The program and arguments that run <c>dotnet &lt;args&gt;</c> inside the sandbox.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(string scratch, IReadOnlyList<string> dotnetArguments)
    {
        var dotnet = DotnetHost.Path;
        if (!UsesNamespaces) return (dotnet, dotnetArguments);

        // Never cover a folder the child needs (its scratch folder, the runtime, temp).
        var needed = new[] { scratch, Path.GetDirectoryName(ResolveLinks(dotnet))!, Path.GetTempPath() }.Select(Path.GetFullPath).ToList();
        var covered = HiddenPaths.Where(p => Directory.Exists(p) && !needed.Any(n => IsSameOrUnder(n, p))).ToList();
        covered = covered.Where(p => !covered.Any(other => other != p && IsSameOrUnder(p, other))).ToList(); // a covered parent hides its children
        var script = string.Concat(covered.Select((_, i) => $"mount -t tmpfs -o size=1m,ro none \"$H{i}\" && ")) + "exec \"$@\"";
        var args = new List<string> { "--net", "--mount", "--propagation", "private", "--", "/usr/bin/env" };
        args.AddRange(covered.Select((p, i) => $"H{i}={p}"));
        args.AddRange(["/bin/sh", "-c", script, "sandbox", dotnet]);
        args.AddRange(dotnetArguments);
        return ("unshare", args);
    }

    public IReadOnlyDictionary<string, string> Environment(string scratch) => new Dictionary<string, string>
    {
        ["DOTNET_GCHeapHardLimit"] = MemoryLimitBytes.ToString("X"),
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_TieredPGO"] = "0",
        ["HOME"] = scratch,
        ["DOTNET_CLI_HOME"] = scratch,
        ["TMPDIR"] = scratch,
        ["COURSE_DATA"] = "",
    };

    private static string ResolveLinks(string file) =>
        File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file;

    private static bool IsSameOrUnder(string path, string folder)
    {
        var f = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.TrimEnd(Path.DirectorySeparatorChar) == folder.TrimEnd(Path.DirectorySeparatorChar)
            || path.StartsWith(f, StringComparison.Ordinal);
    }

    private static bool ProbeNamespaces()
    {
        if (!OperatingSystem.IsLinux() || System.Environment.GetEnvironmentVariable("COURSE_SANDBOX") == "off") return false;
        try
        {
            var outcome = ChildProcess.RunAsync("unshare", ["--net", "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                "mount -t tmpfs none /mnt && true"], Path.GetTempPath(), TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            return outcome.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or GradingException)
        {
            return false;
        }
    }
}
