using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Security;
using System.Text.Json;
using Course.Model;
using Course.Model.Files;
using Course.Grader.Running;
using Course.Grader.Running.Verdicts;
using Course.Model.Processes;
using Course.Grader.Suites;

namespace Course.Grader.Building;

/// <summary>One day's test projects built once against the reference implementation, ready to be re-run with a learner's assembly.</summary>
public sealed record CachedDay(
    DayManifest Day,
    string DayAssemblyName,
    Version DayAssemblyVersion,
    TestSuite Public,
    TestSuite? Hidden,
    IReadOnlyList<string> CompileReferences,
    TimeSpan BuildTime);

/// <summary>
/// Builds the public and hidden test projects of a day ONCE against solutions/ (or exercises/ in a pack) into
/// .course/cache, keyed by a hash of every input (engine, tests, hidden tests, reference project, props). Grading a
/// submission then compiles only the learner's sources and swaps Course.DayNN.dll into a copy of the cached output.
/// Builds use their own artifacts path inside the cache, never the repository's bin/obj. The test executables'
/// dependencies are precompiled there (ReadyToRun, <c>Running/Verdicts/TestHost/ReadyToRun.targets</c>), once per content.
/// </summary>
public sealed class TestCache(CourseLayout layout)
{
    private static readonly SemaphoreSlim InProcessLock = new(1, 1);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Stamps whose outputs this grader has hashed and found intact.</summary>
    private readonly HashSet<string> verified = new(StringComparer.Ordinal);

    public string ArtifactsDir => Path.Combine(layout.CacheDir, "artifacts");

    public async Task<CachedDay> GetAsync(DayManifest day, CancellationToken cancel = default)
    {
        if (string.IsNullOrEmpty(day.Project)) throw new GradingException($"day {day.Day} has no exercise project in course.json");
        var watch = Stopwatch.StartNew();
        return await UnderBuildLockAsync(async () =>
        {
            var stamp = InputHash(day);
            if (TryLoad(StampFile(day), stamp, day, verifyOutputs: true) is { } cached) return cached with { BuildTime = watch.Elapsed };
            await BuildAsync([day], cancel);
            return await StoreAsync(day, stamp, watch, cancel);
        }, cancel);
    }

    /// <summary>
    /// Builds the test projects of every day in <paramref name="days"/> whose cache is missing or out of date in ONE
    /// MSBuild run (the days share the engine and the reference build, and MSBuild spreads the projects over the
    /// cores), so a first run does not pay a build start-up per suite. Days already cached are left alone; the
    /// output check of <see cref="GetAsync"/> still runs when each day is fetched.
    /// </summary>
    /// <returns>The labels of the days built (none when every cache was current).</returns>
    public Task<IReadOnlyList<string>> BuildMissingAsync(IReadOnlyList<DayManifest> days, IProgress<string>? progress = null, CancellationToken cancel = default) =>
        UnderBuildLockAsync(async () =>
        {
            var watch = Stopwatch.StartNew();
            var missing = days.Where(d => !string.IsNullOrEmpty(d.Project))
                .Select(d => (Day: d, Stamp: InputHash(d)))
                .Where(d => TryLoad(StampFile(d.Day), d.Stamp, d.Day, verifyOutputs: false) is null)
                .ToList();
            if (missing.Count == 0) return (IReadOnlyList<string>)[];
            progress?.Report($"building the tests of {string.Join(", ", missing.Select(d => d.Day.Label))} (once per course version)");
            await BuildAsync(missing.Select(d => d.Day).ToList(), cancel);
            foreach (var (day, stamp) in missing) await StoreAsync(day, stamp, watch, cancel);
            return missing.Select(d => d.Day.Label).ToList();
        }, cancel);

    /// <summary>Runs <paramref name="work"/> holding this process's and every other grader's lock on the cache.</summary>
    private async Task<T> UnderBuildLockAsync<T>(Func<Task<T>> work, CancellationToken cancel)
    {
        await InProcessLock.WaitAsync(cancel);
        try
        {
            Directory.CreateDirectory(layout.CacheDir);
            using var crossProcess = await AcquireFileLockAsync(Path.Combine(layout.CacheDir, "build.lock"), cancel);
            return await work();
        }
        finally
        {
            InProcessLock.Release();
        }
    }

    private string StampFile(DayManifest day) => Path.Combine(layout.CacheDir, day.Label, "stamp.json");

    private IEnumerable<string> TestProjects(DayManifest day) =>
        layout.HasHiddenTests(day) ? [layout.PublicTestsProject(day), layout.HiddenTestsProject(day)] : [layout.PublicTestsProject(day)];

    /// <summary>Lists the day's freshly built suites and records them with the stamp they were built from.</summary>
    private async Task<CachedDay> StoreAsync(DayManifest day, string stamp, Stopwatch watch, CancellationToken cancel)
    {
        var publicSuite = await ListSuiteAsync(layout.PublicTestsProject(day), TestVisibility.Public, cancel);
        TestSuite? hiddenSuite = layout.HasHiddenTests(day)
            ? await ListSuiteAsync(layout.HiddenTestsProject(day), TestVisibility.Hidden, cancel)
            : null;
        var record = new StampRecord(stamp, publicSuite, hiddenSuite, OutputHash(publicSuite, hiddenSuite));
        var stampFile = StampFile(day);
        Directory.CreateDirectory(Path.GetDirectoryName(stampFile)!);
        AtomicFile.WriteAllText(stampFile, JsonSerializer.Serialize(record));
        verified.Add(stampFile);
        return Describe(day, publicSuite, hiddenSuite, watch.Elapsed);
    }

    /// <summary>Whether the day's cached build is current and intact (inputs unchanged, outputs and listings as built).</summary>
    public bool HasIntactBuild(DayManifest day) =>
        !string.IsNullOrEmpty(day.Project) && TryLoad(StampFile(day), InputHash(day), day, verifyOutputs: true) is not null;

    private CachedDay? TryLoad(string stampFile, string stamp, DayManifest day, bool verifyOutputs)
    {
        if (!File.Exists(stampFile)) return null;
        try
        {
            var record = JsonSerializer.Deserialize<StampRecord>(File.ReadAllText(stampFile));
            if (record is null || record.Stamp != stamp) return null;
            if (!File.Exists(Path.Combine(record.Public.OutputDir, record.Public.EntryAssembly))) return null;
            if (record.Hidden is not null && !File.Exists(Path.Combine(record.Hidden.OutputDir, record.Hidden.EntryAssembly))) return null;
            // A cache that lost its hidden suite would quietly grade on public tests only.
            if ((record.Hidden is null) == layout.HasHiddenTests(day)) return null;
            if (verifyOutputs && !verified.Contains(stampFile))
            {
                if (record.Outputs != OutputHash(record.Public, record.Hidden)) return null;
                verified.Add(stampFile);
            }
            return Describe(day, record.Public, record.Hidden, TimeSpan.Zero);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// Hash of what grading trusts from the cache: every file of the suites' output folders and the test listings.
    /// Checked once per grader before first use; any difference (a damaged or edited cache) rebuilds.
    /// </summary>
    private static string OutputHash(TestSuite pub, TestSuite? hidden)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var suite in hidden is null ? [pub] : new[] { pub, hidden })
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{suite.Visibility}\n{suite.EntryAssembly}\n{JsonSerializer.Serialize(suite.Tests)}\n"));
            foreach (var file in Directory.EnumerateFiles(suite.OutputDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(suite.OutputDir, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static CachedDay Describe(DayManifest day, TestSuite pub, TestSuite? hidden, TimeSpan elapsed)
    {
        var name = $"Course.{day.Project}";
        var dayDll = Path.Combine(pub.OutputDir, name + ".dll");
        if (!File.Exists(dayDll)) throw new GradingException($"{pub.OutputDir}: the test build has no {name}.dll");
        var version = System.Reflection.AssemblyName.GetAssemblyName(dayDll).Version ?? new Version(1, 0, 0, 0);
        return new CachedDay(day, name, version, pub, hidden, ReferencesOf(dayDll, pub.OutputDir), elapsed);
    }

    /// <summary>What the reference Course.DayNN.dll was compiled against (transitively, within the test output): the learner compiles against the same.</summary>
    private static IReadOnlyList<string> ReferencesOf(string assembly, string folder)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([assembly]);
        while (queue.Count > 0)
        {
            using var stream = File.OpenRead(queue.Dequeue());
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            foreach (var handle in md.AssemblyReferences)
            {
                var refName = md.GetString(md.GetAssemblyReference(handle).Name);
                var candidate = Path.Combine(folder, refName + ".dll");
                if (File.Exists(candidate) && found.Add(candidate)) queue.Enqueue(candidate);
            }
        }
        return found.ToList();
    }

    /// <summary>One <c>dotnet build</c> of the days' test projects: the project itself for one, a generated solution for more.</summary>
    private async Task BuildAsync(IReadOnlyList<DayManifest> days, CancellationToken cancel)
    {
        var projects = days.SelectMany(TestProjects).ToList();
        foreach (var project in projects.Where(p => !File.Exists(p)))
            throw new GradingException($"{project}: test project not found");
        var target = projects.Count == 1 ? projects[0] : Path.Combine(layout.CacheDir, "build.slnx");
        if (projects.Count > 1)
            AtomicFile.WriteAllText(target, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{SecurityElement.Escape(p)}\" />\n")) + "</Solution>\n");
        var build = await ChildProcess.RunAsync(DotnetHost.Path,
            ["build", target, "-c", "Release", "-nologo", "-v", "q", "-nodeReuse:false",
             $"-p:CourseImplementation={layout.ReferenceImplementation}", VerdictReporterInjection.MsBuildArgument(layout.CacheDir),
             $"-p:CourseReadyToRunStore={Path.Combine(layout.CacheDir, "ready-to-run")}",
             "--artifacts-path", ArtifactsDir],
            layout.Root, BuildTimeout, cancel: cancel);
        var what = projects.Count == 1 ? $"{projects[0]}: building the tests" : $"building the tests of {string.Join(", ", days.Select(d => d.Label))}";
        if (build.TimedOut)
            throw new GradingException($"{what} did not finish within {BuildTimeout.TotalMinutes:0} minutes");
        if (build.ExitCode != 0)
            throw new GradingException($"{what} against {layout.ReferenceImplementation}/ failed:\n{FirstErrors(build.StdOut + build.StdErr)}");
    }

    private async Task<TestSuite> ListSuiteAsync(string project, TestVisibility visibility, CancellationToken cancel)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var output = Path.Combine(ArtifactsDir, "bin", name, "release");
        // The test executable is the one assembly with a runtimeconfig (its name comes from Directory.Day.props).
        var configs = Directory.Exists(output) ? Directory.GetFiles(output, "*.runtimeconfig.json") : [];
        if (configs.Length != 1) throw new GradingException($"{project}: build produced {configs.Length} test executables in {output} (expected one)");
        var entry = Path.GetFileName(configs[0])[..^".runtimeconfig.json".Length] + ".dll";

        var list = await ChildProcess.RunAsync(DotnetHost.Path, [entry, "-list", "full/json", "-noColor"], output, TimeSpan.FromMinutes(2), cancel: cancel);
        if (list.ExitCode != 0) throw new GradingException($"{project}: test discovery failed: {list.StdErr.Trim()}");
        return new TestSuite(visibility, output, entry, TestListing.Parse(list.StdOut, project));
    }

    private static string FirstErrors(string buildOutput)
    {
        var errors = buildOutput.Split('\n').Where(l => l.Contains(": error ")).Distinct().Take(20).ToList();
        return errors.Count > 0 ? string.Join('\n', errors) : buildOutput.Trim();
    }

    /// <summary>Hash of every file that shapes the cached builds; any change rebuilds.</summary>
    private string InputHash(DayManifest day)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var roots = new List<string>
        {
            Path.Combine(layout.Root, "engine"),
            Path.GetDirectoryName(layout.PublicTestsProject(day))!,
            Path.Combine(layout.Root, layout.ReferenceImplementation, day.Project!),
        };
        if (layout.HasHiddenTests(day)) roots.Add(Path.GetDirectoryName(layout.HiddenTestsProject(day))!);
        var files = new List<string>();
        foreach (var root in roots.Where(Directory.Exists))
            files.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj") || f.EndsWith(".props") || f.EndsWith(".targets") || f.EndsWith(".json") || f.EndsWith(".csv") || f.EndsWith(".gz"))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")));
        foreach (var name in new[] { "Directory.Build.props", "Directory.Day.props", "Directory.Packages.props", "Directory.Build.targets", "global.json" })
            if (File.Exists(Path.Combine(layout.Root, name))) files.Add(Path.Combine(layout.Root, name));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(layout.Root, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        hash.AppendData(Encoding.UTF8.GetBytes(layout.ReferenceImplementation));
        hash.AppendData(Encoding.UTF8.GetBytes(VerdictReporterInjection.SourceHash));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancel)
    {
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) { await Task.Delay(200, cancel); }
        }
    }

    private sealed record StampRecord(string Stamp, TestSuite Public, TestSuite? Hidden, string? Outputs);
}
