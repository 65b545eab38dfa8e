namespace Course.Grader.Running;

/// <summary>
/// A memory limit for the whole process tree of one run — managed heap, native allocations, thread stacks and
/// anything it starts — as a child of the grader's own memory cgroup (v2 <c>memory.max</c>, v1
/// <c>memory.limit_in_bytes</c>). The GC heap limit alone leaves native memory unbounded, so without this a
/// submission could take the machine's memory from every other run. The kernel kills the tree when it passes
/// the limit; <see cref="OomKilled"/> then tells a crash from an out-of-memory kill.
/// </summary>
public sealed class MemoryCgroup : IDisposable
{
    private static readonly Lazy<Hierarchy?> Parent = new(FindParent);

    private readonly Hierarchy hierarchy;

    private MemoryCgroup(Hierarchy hierarchy, string path, long limitBytes)
    {
        this.hierarchy = hierarchy;
        Path = path;
        LimitBytes = limitBytes;
    }

    /// <summary>Whether this machine lets the grader make memory cgroups (root, a writable cgroup hierarchy).</summary>
    public static bool Available => Parent.Value is not null;

    /// <summary>The cgroup folder; a process joins by writing its pid to <c>cgroup.procs</c> in it.</summary>
    public string Path { get; }

    public long LimitBytes { get; }

    /// <summary>A new cgroup limited to <paramref name="limitBytes"/> (no swap), or null where cgroups are not available.</summary>
    public static MemoryCgroup? TryCreate(long limitBytes)
    {
        if (Parent.Value is not { } parent) return null;
        var path = System.IO.Path.Combine(parent.Folder, "course-run-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(path);
            var group = new MemoryCgroup(parent, path, limitBytes);
            group.ApplyLimit();
            return group;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryRemove(path);
            return null;
        }
    }

    /// <summary>Whether the kernel killed a process of this group for passing the limit.</summary>
    public bool OomKilled
    {
        get
        {
            var events = System.IO.Path.Combine(Path, hierarchy.Version2 ? "memory.events" : "memory.oom_control");
            try
            {
                return File.ReadLines(events)
                    .Select(l => l.Split(' ', 2))
                    .Any(p => p.Length == 2 && p[0] == "oom_kill" && long.TryParse(p[1], out var n) && n > 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        }
    }

    public void Dispose() => TryRemove(Path);

    private void ApplyLimit()
    {
        var limit = LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (hierarchy.Version2)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, "memory.max"), limit);
            WriteIfPresent("memory.swap.max", "0");
        }
        else
        {
            File.WriteAllText(System.IO.Path.Combine(Path, "memory.limit_in_bytes"), limit);
            // memory+swap no larger than memory: the tree cannot escape the limit into swap.
            WriteIfPresent("memory.memsw.limit_in_bytes", limit);
        }
    }

    private void WriteIfPresent(string file, string value)
    {
        var path = System.IO.Path.Combine(Path, file);
        if (File.Exists(path)) File.WriteAllText(path, value);
    }

    /// <summary>A cgroup can be removed only once its processes are gone; the sandbox's PID namespace kills them with
    /// the run, so a few short retries cover the kernel's reaping.</summary>
    private static void TryRemove(string path)
    {
        for (var attempt = 0; attempt < 20 && Directory.Exists(path); attempt++)
        {
            try { Directory.Delete(path); return; }
            catch (IOException) { Thread.Sleep(50); }
            catch (UnauthorizedAccessException) { return; }
        }
    }

    private sealed record Hierarchy(string Folder, bool Version2);

    private static Hierarchy? FindParent()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("COURSE_SANDBOX") == "off") return null;
        string[] lines;
        try { lines = File.ReadAllLines("/proc/self/cgroup"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }

        var candidates = new List<Hierarchy>();
        foreach (var parts in lines.Select(l => l.Split(':', 3)).Where(p => p.Length == 3))
        {
            if (parts[1].Split(',').Contains("memory"))
                candidates.Add(new Hierarchy("/sys/fs/cgroup/memory" + parts[2].TrimEnd('/'), Version2: false));
            else if (parts[0] == "0" && parts[1] == "" && File.Exists("/sys/fs/cgroup/cgroup.controllers"))
                candidates.Add(new Hierarchy("/sys/fs/cgroup" + parts[2].TrimEnd('/'), Version2: true));
        }
        return candidates.FirstOrDefault(Usable);
    }

    /// <summary>Only a hierarchy in which a limited child can really be made counts (v2 needs the memory controller
    /// delegated to children of the grader's group).</summary>
    private static bool Usable(Hierarchy h)
    {
        if (!Directory.Exists(h.Folder)) return false;
        if (h.Version2)
        {
            var control = System.IO.Path.Combine(h.Folder, "cgroup.subtree_control");
            try { if (!File.ReadAllText(control).Split(' ', '\n').Contains("memory")) return false; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        }
        var probe = System.IO.Path.Combine(h.Folder, "course-probe-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(probe);
            var limitFile = System.IO.Path.Combine(probe, h.Version2 ? "memory.max" : "memory.limit_in_bytes");
            File.WriteAllText(limitFile, (256L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        finally { TryRemove(probe); }
    }
}
