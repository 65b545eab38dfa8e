namespace Course.Grader.Manifest;

/// <summary>Where things live in a course root (the repository, a fixture, or a learner pack).</summary>
public sealed class CourseLayout
{
    public CourseLayout(string root)
    {
        Root = Path.GetFullPath(root);
        if (!File.Exists(ManifestPath))
            throw new GradingException($"{Root}: not a course root (no curriculum/course.json)");
    }

    public string Root { get; }
    public string ManifestPath => Path.Combine(Root, "curriculum", "course.json");
    public string ExercisesDir => Path.Combine(Root, "exercises");
    public string SolutionsDir => Path.Combine(Root, "solutions");
    public string MutantsDir => Path.Combine(Root, "tests", "Mutants");
    public string CacheDir => Path.Combine(Root, ".course", "cache");

    public string PublicTestsProject(DayManifest day) => Path.Combine(ExercisesDir, $"{day.Project}.Tests", $"{day.Project}.Tests.csproj");
    public string HiddenTestsProject(DayManifest day) => Path.Combine(Root, "grader", "hidden", day.Project!, $"Course.{day.Project}.Hidden.csproj");
    public bool HasHiddenTests(DayManifest day) => File.Exists(HiddenTestsProject(day));

    /// <summary>The implementation the cached test builds compile against: solutions when present (the repo), else the stubs (a pack).</summary>
    public string ReferenceImplementation => Directory.Exists(SolutionsDir) ? "solutions" : "exercises";

    /// <summary>Walks up from <paramref name="start"/> to the first folder holding curriculum/course.json.</summary>
    public static CourseLayout Discover(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "curriculum", "course.json")))
                return new CourseLayout(dir.FullName);
        throw new GradingException($"{start}: no course root above this folder (looked for curriculum/course.json)");
    }
}
