using Course.Model.Processes;
namespace Course.Grader.Running;

/// <summary>
/// How a learner's test process is confined. Always: its own process, a scratch folder holding only compiled
/// assemblies, a clean environment, a wall-clock limit and a GC heap hard limit.
/// On Linux as root with util-linux (<c>unshare</c>, <c>setpriv</c>, <c>prlimit</c>) — the normal grading set-up —
/// also: its own PID namespace (it sees no other process, cannot reach the grader's <c>/proc/&lt;pid&gt;/root</c>, and
/// everything it starts dies with it), a network namespace without any interface, a private mount namespace in which
/// the temp folder shows only its own scratch folder and the course root, submissions, roster, home folders and
/// <c>/run</c> are covered by empty read-only tmpfs mounts, and an unprivileged user of its own (no capabilities,
/// no new privileges, so nothing can be unmounted) with process, file-size and core limits, and — where the machine
/// lets the grader make memory cgroups — one memory limit for the whole process tree (<see cref="MemoryCgroup"/>).
/// Elsewhere those rely on the policy scan alone (<see cref="Describe"/> says which applies).
/// </summary>
public sealed class Sandbox
{
    private static readonly Lazy<bool> NamespacesAvailable = new(ProbeNamespaces);

    /// <summary>Each run gets its own unprivileged uid, so one run's process limit cannot starve another's.</summary>
    private const int FirstUid = 61000, Uids = 4000;

    /// <summary>Threads and processes per run (the runtime and xunit need ~30).</summary>
    public const int ProcessLimit = 256;

    /// <summary>Largest file a run may write (its result XML is a few hundred KB).</summary>
    public const long FileSizeLimitBytes = 64L * 1024 * 1024;

    /// <summary>Paths no submission needs that may hold someone's secrets (the instructor's keys live in a home folder).</summary>
    private static readonly string[] AlwaysHidden = ["/root", "/home", "/run", "/var/tmp", "/dev/shm", "/srv", "/opt/course"];

    private static int nextUid;

    public Sandbox(IReadOnlyList<string> hiddenPaths, long memoryLimitBytes)
    {
        HiddenPaths = hiddenPaths.Select(Path.GetFullPath).Distinct().ToList();
        MemoryLimitBytes = memoryLimitBytes;
    }

    /// <summary>Folders the child must not see (course root, submission roots, roster and output folders).</summary>
    public IReadOnlyList<string> HiddenPaths { get; }

    public long MemoryLimitBytes { get; }

    /// <summary>The limit for everything a run holds: its managed heap plus room for the runtime, JIT, thread stacks
    /// and native buffers (a run past it is killed by the kernel and reported as out of memory).</summary>
    public long TreeMemoryLimitBytes => MemoryLimitBytes + 768L * 1024 * 1024;

    /// <summary>The whole-tree memory limit of one run, or null where this machine has no usable memory cgroup (the
    /// GC heap limit still applies).</summary>
    public MemoryCgroup? CreateMemoryGroup() => UsesNamespaces ? MemoryCgroup.TryCreate(TreeMemoryLimitBytes) : null;

    public static bool UsesNamespaces => NamespacesAvailable.Value;

    public static string Describe() => UsesNamespaces
        ? "child process as an unprivileged user of its own; own PID namespace (killed with everything it started); no network; only its scratch folder visible in temp; course root, submissions and home folders hidden; process, file-size and heap limits; " +
            (MemoryCgroup.Available ? "one memory limit for the whole process tree (cgroup); " : "no whole-tree memory limit (no writable memory cgroup); ") +
            "wall-clock limit"
        : "child process; heap hard limit; wall-clock limit; network and file access prevented by the policy scan only (no unshare/setpriv as root here)";

    /// <summary>
    /// The program and arguments that run <c>dotnet &lt;args&gt;</c> inside the sandbox, whose working folder is
    /// <paramref name="runDir"/> under <paramref name="scratch"/> (the only part of the temp folder it sees, handed to its user).
    /// </summary>
    /// <param name="memoryGroup">joined by the child before it drops its privileges, so all it starts stays inside.</param>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(string scratch, IReadOnlyList<string> dotnetArguments, MemoryCgroup? memoryGroup = null)
    {
        var dotnet = DotnetHost.Path;
        if (!UsesNamespaces) return (dotnet, dotnetArguments);

        scratch = Path.GetFullPath(scratch);
        var temp = Path.GetFullPath(Path.GetTempPath()).TrimEnd('/');
        var runtime = Path.GetDirectoryName(ResolveLinks(dotnet))!;
        var needed = new[] { scratch, runtime, Path.GetDirectoryName(dotnet)! };
        var covered = HiddenPaths.Concat(AlwaysHidden)
            .Where(p => Directory.Exists(p) && !IsSameOrUnder(p, temp) && !needed.Any(n => IsSameOrUnder(n, p)))
            .ToList();
        covered = covered.Where(p => !covered.Any(other => other != p && IsSameOrUnder(p, other))).Distinct().ToList();
        var uid = FirstUid + Interlocked.Increment(ref nextUid) % Uids;

        // Root inside the new namespaces: keep the scratch folder, hide the rest of temp (other runs' scratch folders),
        // cover what must stay unseen, hand the scratch folder to the run's user, then drop every privilege for good.
        var script = string.Join(" && ",
            (memoryGroup is null ? [] : new[] { "echo $$ > \"$CGROUP/cgroup.procs\"" })
            .Concat(new[]
            {
                "mount --bind \"$SCRATCH\" /mnt",
                "mount -t tmpfs -o size=16m,mode=1777 none \"$TEMP\"",
                "mkdir -p \"$SCRATCH\"",
                "mount --move /mnt \"$SCRATCH\"",
                "chown -R \"$RUNUID:$RUNUID\" \"$SCRATCH\"",
            })
            .Concat(covered.Select((_, i) => $"mount -t tmpfs -o size=1m,ro,mode=0555 none \"$H{i}\""))
            .Append("cd \"$SCRATCH/run\"")
            .Append($"exec prlimit --nproc={ProcessLimit} --fsize={FileSizeLimitBytes} --core=0 -- " +
                "setpriv --reuid=\"$RUNUID\" --regid=\"$RUNUID\" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- \"$@\""));
        var args = new List<string>
        {
            "--net", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc", "--propagation", "private", "--",
            "/usr/bin/env", $"SCRATCH={scratch}", $"TEMP={temp}", $"RUNUID={uid}",
        };
        if (memoryGroup is not null) args.Add($"CGROUP={memoryGroup.Path}");
        args.AddRange(covered.Select((p, i) => $"H{i}={p}"));
        args.AddRange(["/bin/sh", "-c", script, "sandbox", dotnet]);
        args.AddRange(dotnetArguments);
        return ("unshare", args);
    }

    /// <summary>
    /// The whole environment of the child (nothing of the grader's is inherited: no COURSE_ROOT, no key paths).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment(string runDir) => new Dictionary<string, string>
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["DOTNET_GCHeapHardLimit"] = MemoryLimitBytes.ToString("X"),
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_EnableDiagnostics"] = "0",
        ["HOME"] = runDir,
        ["DOTNET_CLI_HOME"] = runDir,
        ["TMPDIR"] = runDir,
        ["LANG"] = "C.UTF-8",
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
        if (!OperatingSystem.IsLinux() || System.Environment.GetEnvironmentVariable("COURSE_SANDBOX") == "off" || !Directory.Exists("/mnt")) return false;
        try
        {
            var outcome = ChildProcess.RunAsync("unshare", ["--net", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc",
                "--propagation", "private", "--", "/bin/sh", "-c",
                "mount -t tmpfs none /mnt && exec prlimit --nproc=64 -- setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- true"],
                Path.GetTempPath(), TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            return outcome.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or GradingException)
        {
            return false;
        }
    }
}
