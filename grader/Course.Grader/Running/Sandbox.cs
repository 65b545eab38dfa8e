using Course.Model.Processes;
namespace Course.Grader.Running;

/// <summary>
/// How a learner's test process is confined. Always: its own process, a scratch folder holding only compiled
/// assemblies, a clean environment, a wall-clock limit and a GC heap hard limit.
/// On Linux as root with util-linux (<c>unshare</c>, <c>setpriv</c>, <c>prlimit</c>) — the normal grading set-up —
/// also: its own PID namespace (it sees no other process, cannot reach the grader's <c>/proc/&lt;pid&gt;/root</c>, and
/// everything it starts dies with it), a network namespace without any interface, a root of its own made of read-only
/// binds of <c>/usr</c> and the runtime plus its scratch folder (the course root, the cache, submissions, other runs
/// and home folders are not mounted at all; <see cref="Wrap"/>), and an unprivileged user of its own (no capabilities,
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

    /// <summary>Largest file a run may write (its verdict file is a few hundred KB).</summary>
    public const long FileSizeLimitBytes = 64L * 1024 * 1024;

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
        ? "child process as an unprivileged user of its own; own PID namespace (killed with everything it started); no network; a read-only root of its own with only /usr, the runtime and its scratch folder (course root, cache, submissions, other runs and home folders absent); process, file-size and heap limits; " +
            (MemoryCgroup.Available ? "one memory limit for the whole process tree (cgroup); " : "no whole-tree memory limit (no writable memory cgroup); ") +
            "wall-clock limit"
        : "child process; heap hard limit; wall-clock limit; network and file access prevented by the policy scan only (no unshare/setpriv as root here)";

    /// <summary>System folders a merged-/usr Debian links into /usr; on other layouts they are bound read-only.</summary>
    private static readonly string[] TopLevelSystemFolders = ["/bin", "/lib", "/lib64", "/sbin"];

    /// <summary>chroot lives in sbin, which the child's PATH leaves out; null where it is missing (then no namespaces).</summary>
    private static readonly Lazy<string?> Chroot = new(() =>
        new[] { "/usr/sbin/chroot", "/sbin/chroot", "/usr/bin/chroot" }.FirstOrDefault(File.Exists));

    /// <summary>Device nodes the runtime opens.</summary>
    private static readonly string[] Devices = ["/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"];

    /// <summary>
    /// The program and arguments that run <c>dotnet &lt;args&gt;</c> inside the sandbox, whose working folder is
    /// <paramref name="scratch"/>/run. The child's root is a new, read-only tmpfs holding only read-only binds of
    /// <c>/usr</c> (and the runtime, where it lives elsewhere), four device nodes, its own <c>/proc</c> and its scratch
    /// folder (writable, handed to its user): the course root, the cache, other days, other learners and home folders
    /// are not covered but absent.
    /// </summary>
    /// <param name="memoryGroup">joined by the child before it drops its privileges, so all it starts stays inside.</param>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(string scratch, IReadOnlyList<string> dotnetArguments, MemoryCgroup? memoryGroup = null)
    {
        var dotnet = DotnetHost.Path;
        if (!UsesNamespaces) return (dotnet, dotnetArguments);

        scratch = Path.GetFullPath(scratch);
        var runtime = Path.GetDirectoryName(ResolveLinks(dotnet))!;
        var binds = new List<string> { "/usr" };
        var links = new List<(string Name, string Target)>();
        foreach (var folder in TopLevelSystemFolders)
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target) links.Add((folder, target));
            else if (info.Exists) binds.Add(folder);
        }
        foreach (var folder in new[] { runtime, Path.GetDirectoryName(dotnet)! })
            if (!binds.Any(b => IsSameOrUnder(folder, b))) binds.Add(folder);
        // Only what lies inside a bound folder can be seen at all (home folders, /run and the rest are simply absent);
        // of that, cover what must stay unseen.
        var covered = HiddenPaths
            .Where(p => Directory.Exists(p) && binds.Any(b => IsSameOrUnder(p, b)) && !IsSameOrUnder(scratch, p) && !IsSameOrUnder(runtime, p))
            .Distinct()
            .ToList();
        var uid = FirstUid + Interlocked.Increment(ref nextUid) % Uids;

        // Root inside the new namespaces: build the new root, hand the scratch folder to the run's user, make the root
        // read-only, enter it, then drop every privilege for good.
        var steps = new List<string>();
        if (memoryGroup is not null) steps.Add("echo $$ > \"$CGROUP/cgroup.procs\"");
        steps.Add("mount -t tmpfs -o size=16m,mode=0755 none /mnt");
        // A private /tmp for the runtime's own files; the scratch folder is made inside it when it lives under /tmp.
        steps.Add("mkdir -p /mnt/proc /mnt/dev /mnt/etc /mnt/tmp && mount -t tmpfs -o size=16m,mode=1777,nosuid,nodev none /mnt/tmp");
        steps.Add("mkdir -p \"/mnt$SCRATCH\"");
        for (var i = 0; i < binds.Count; i++)
            steps.Add($"mkdir -p \"/mnt$B{i}\" && mount --bind \"$B{i}\" \"/mnt$B{i}\" && mount -o remount,bind,ro,nosuid,nodev \"/mnt$B{i}\"");
        for (var i = 0; i < links.Count; i++) steps.Add($"ln -s \"$T{i}\" \"/mnt$N{i}\"");
        if (File.Exists("/etc/ld.so.cache")) steps.Add("touch /mnt/etc/ld.so.cache && mount --bind -o ro /etc/ld.so.cache /mnt/etc/ld.so.cache");
        foreach (var device in Devices.Where(File.Exists)) steps.Add($"touch /mnt{device} && mount --bind {device} /mnt{device}");
        steps.Add("mount --bind \"$SCRATCH\" \"/mnt$SCRATCH\"");
        steps.Add("mount -t proc -o nosuid,nodev,noexec proc /mnt/proc");
        for (var i = 0; i < covered.Count; i++) steps.Add($"mount -t tmpfs -o size=1m,ro,mode=0555 none \"/mnt$H{i}\"");
        steps.Add("mount -o remount,bind,ro /mnt");
        steps.Add("chown -R \"$RUNUID:$RUNUID\" \"/mnt$SCRATCH\"");
        steps.Add($"exec {Chroot.Value!} /mnt /usr/bin/prlimit --nproc={ProcessLimit} --fsize={FileSizeLimitBytes} --core=0 -- " +
            "/usr/bin/setpriv --reuid=\"$RUNUID\" --regid=\"$RUNUID\" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- " +
            "/usr/bin/env -C \"$SCRATCH/run\" \"$@\"");

        var args = new List<string>
        {
            "--net", "--mount", "--pid", "--fork", "--kill-child", "--propagation", "private", "--",
            "/usr/bin/env", $"SCRATCH={scratch}", $"RUNUID={uid}",
        };
        if (memoryGroup is not null) args.Add($"CGROUP={memoryGroup.Path}");
        args.AddRange(binds.Select((p, i) => $"B{i}={p}"));
        args.AddRange(links.SelectMany((l, i) => new[] { $"N{i}={l.Name}", $"T{i}={l.Target}" }));
        args.AddRange(covered.Select((p, i) => $"H{i}={p}"));
        args.AddRange(["/bin/sh", "-c", string.Join(" && ", steps), "sandbox", dotnet]);
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
        if (!OperatingSystem.IsLinux() || System.Environment.GetEnvironmentVariable("COURSE_SANDBOX") == "off" || !Directory.Exists("/mnt") || Chroot.Value is null) return false;
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
