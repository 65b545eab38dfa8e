using Course.Model.Files;
using Course.Model.Processes;
using System.Security.Cryptography;
using System.Text;

namespace Course.Notebooks.Building;

/// <summary>
/// Builds the chosen implementation's DayNN project into a cache folder and returns the
/// Course.DayNN.dll path, so cells can call the learner's (or reference) code. A build is
/// skipped when the cached build's stamp holds the content hash of every source it depends on (the
/// day's project, the engine, the shared props), which keeps re-running a notebook fast and never
/// trusts a modification time.
/// </summary>
public sealed class DayAssemblyBuilder(string courseRoot, string? cacheRoot = null)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private readonly string cacheRoot = cacheRoot
        ?? Environment.GetEnvironmentVariable("COURSE_NOTEBOOK_CACHE")
        ?? Path.Combine(Path.GetTempPath(), "course-notebooks");

    /// <summary>Null when the implementation has no such project (e.g. Day 10 has no exercises).</summary>
    public string? EnsureBuilt(Implementation implementation, string project, Action<string>? log = null)
    {
        var projectFile = Path.Combine(implementation.Directory, project, $"{project}.csproj");
        if (!File.Exists(projectFile)) return null;

        var dll = CachedDllPath(implementation, project);
        var artifacts = ArtifactsPath(implementation);
        var sources = Path.GetDirectoryName(projectFile)!;
        var sourceHash = SourceHash(sources);
        if (IsFresh(dll, sourceHash)) return dll;

        // The cache is shared (temp folder): two runs building the same implementation at once would
        // clobber each other's obj/ files, so builds of one artifacts folder take turns.
        Directory.CreateDirectory(artifacts);
        using var turn = WaitForTurn(Path.Combine(artifacts, ".build.lock"));
        if (IsFresh(dll, sourceHash)) return dll;

        log?.Invoke($"building {Path.GetRelativePath(courseRoot, projectFile)} (CourseImplementation={implementation.MsBuildValue})");
        // Release: notebooks train small models with the learner's code; errors are located in cells, not in DayNN.
        string[] arguments = ["build", projectFile, "-c", "Release", $"-p:CourseImplementation={implementation.MsBuildValue}",
            "--artifacts-path", artifacts, "-nologo", "-v", "q", "-clp:NoSummary;ErrorsOnly"];
        var build = ChildProcess.RunAsync(DotnetHost.Path, arguments, courseRoot, BuildTimeout).GetAwaiter().GetResult();
        if (build.TimedOut) throw new InvalidOperationException($"{projectFile}: build did not finish within {BuildTimeout.TotalMinutes:0} minutes");
        if (build.ExitCode != 0 || !File.Exists(dll))
        {
            var errors = (build.StdOut + build.StdErr).Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.Ordinal)).Distinct().Take(5);
            throw new InvalidOperationException($"{projectFile}: build failed: {string.Join(" | ", errors)}");
        }

        AtomicFile.WriteAllText(StampPath(dll), sourceHash);
        return dll;
    }

    private static bool IsFresh(string dll, string sourceHash) =>
        File.Exists(dll) && File.Exists(StampPath(dll)) && File.ReadAllText(StampPath(dll)) == sourceHash;

    /// <summary>Where a cached build's source stamp lives, beside its dll.</summary>
    public static string StampPath(string dll) => dll + ".sources.sha256";

    /// <summary>An exclusive lock on a file that stays in place (deleting it would let two runs lock two different files).</summary>
    private static FileStream WaitForTurn(string lockPath)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }

    /// <summary>Where the build of this implementation's project lands (one artifacts folder per implementation).</summary>
    public string CachedDllPath(Implementation implementation, string project) =>
        Path.Combine(ArtifactsPath(implementation), "bin", project, "release", $"Course.{project}.dll");

    private string ArtifactsPath(Implementation implementation) => Path.Combine(cacheRoot, Hash(implementation.Directory));

    /// <summary>
    /// The stamp a build of <paramref name="project"/> records: SHA-256 over the relative path and bytes of every source
    /// it reads. A cached build is reused exactly when its stamp equals this.
    /// </summary>
    public string SourcesHash(Implementation implementation, string project) =>
        SourceHash(Path.Combine(implementation.Directory, project));

    private string SourceHash(string projectDir)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var props = new[] { "Directory.Build.props", "Directory.Day.props", "Directory.Packages.props" }
            .Select(f => Path.Combine(courseRoot, f)).Where(File.Exists);
        var roots = new[] { projectDir, Path.Combine(courseRoot, "engine", "Course.Engine") }.Where(Directory.Exists);
        foreach (var file in props.Concat(roots.SelectMany(r => SourceFiles.Absolute(r, "*"))))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(courseRoot, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(text))))[..16].ToLowerInvariant();
}
