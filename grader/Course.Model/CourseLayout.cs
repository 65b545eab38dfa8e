namespace Course.Model;

/// <summary>Where things live in a course root (the repository, a test fixture, or a learner pack).</summary>
public sealed class CourseLayout
{
    /// <summary>The environment variable that names a course root for tools started outside one (notebooks, the kernel).</summary>
    public const string RootVariable = "COURSE_ROOT";

    public CourseLayout(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!File.Exists(ManifestPath))
            throw new CourseInputException($"{Root}: not a course root (no curriculum/course.json)");
    }

    public string Root { get; }
    public string ManifestPath => Path.Combine(Root, "curriculum", "course.json");
    public string CurriculumDir => Path.Combine(Root, "curriculum");
    public string ExercisesDir => Path.Combine(Root, "exercises");
    public string SolutionsDir => Path.Combine(Root, "solutions");
    public string MutantsDir => Path.Combine(Root, "tests", "Mutants");
    public string CacheDir => Path.Combine(Root, ".course", "cache");

    public string DayFolder(DayManifest day) => Path.Combine(Root, day.Folder);
    public string PublicTestsProject(DayManifest day) => Path.Combine(ExercisesDir, $"{day.Project}.Tests", $"{day.Project}.Tests.csproj");
    public string HiddenTestsProject(DayManifest day) => Path.Combine(Root, "grader", "hidden", day.Project!, $"Course.{day.Project}.Hidden.csproj");
    public bool HasHiddenTests(DayManifest day) => File.Exists(HiddenTestsProject(day));

    /// <summary>The implementation the cached test builds compile against: solutions when present (the repo), else the stubs (a pack).</summary>
    public string ReferenceImplementation => Directory.Exists(SolutionsDir) ? "solutions" : "exercises";

    /// <summary>Reads curriculum/course.json of this root.</summary>
    public CourseManifest LoadManifest() => CourseManifest.Load(ManifestPath);

    /// <summary>
    /// The course root every command uses: the <c>--course-root</c> option when given, else <see cref="RootVariable"/>,
    /// else the first folder above <paramref name="start"/> (default: the current directory) holding curriculum/course.json.
    /// </summary>
    public static CourseLayout Resolve(string? option, string? start = null)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            if (!Directory.Exists(option)) throw new CourseInputException($"{option}: --course-root folder not found");
            return new CourseLayout(option);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return new CourseLayout(fromEnvironment);
        return Discover(start ?? Environment.CurrentDirectory);
    }

    /// <summary>Walks up from <paramref name="start"/> to the first folder holding curriculum/course.json.</summary>
    public static CourseLayout Discover(string start) =>
        TryDiscover(start) ?? throw new CourseInputException(
            $"{start}: no course root above this folder (looked for curriculum/course.json; pass --course-root or set {RootVariable})");

    /// <summary>Like <see cref="Discover"/>, but null where no folder above <paramref name="start"/> is a course root.</summary>
    public static CourseLayout? TryDiscover(string start)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(start));
        if (!dir.Exists) dir = dir.Parent;
        for (; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "curriculum", "course.json")))
                return new CourseLayout(dir.FullName);
        return null;
    }

    /// <summary>The day a curriculum file belongs to, from its folder name (curriculum/day03-optimisation/… → 3).</summary>
    public static int? DayOf(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");
        return folder.Length >= 5 && folder.StartsWith("day", StringComparison.Ordinal) && int.TryParse(folder.AsSpan(3, 2), out var day)
            ? day
            : null;
    }
}
