using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Grader.Manifest;

/// <summary>curriculum/course.json: days, exercises, points and grading limits.</summary>
public sealed record CourseManifest(
    LocalizedText Title,
    string Version,
    GradingSettings Grading,
    IReadOnlyList<DayManifest> Days)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and validates the manifest; a malformed file throws <see cref="GradingException"/> naming it.</summary>
    public static CourseManifest Load(string path)
    {
        if (!File.Exists(path)) throw new GradingException($"{path}: course manifest not found");
        CourseManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<CourseManifest>(File.ReadAllText(path), JsonOptions); }
        catch (JsonException e) { throw new GradingException($"{path}: malformed course manifest: {e.Message}"); }
        if (manifest is null || manifest.Days is null || manifest.Grading is null)
            throw new GradingException($"{path}: course manifest lacks 'grading' or 'days'");
        return manifest;
    }

    public DayManifest Day(int day) =>
        Days.FirstOrDefault(d => d.Day == day) ?? throw new GradingException($"unknown day {day} (course.json has days {string.Join(", ", Days.Select(d => d.Day))})");

    /// <summary>Days that have a project (stub, solution and tests) to grade.</summary>
    public IEnumerable<DayManifest> GradableDays => Days.Where(d => d.Available && !string.IsNullOrEmpty(d.Project));
}

public sealed record LocalizedText(string Ja, string En);

public sealed record GradingSettings(
    double PublicShare,
    double HiddenShare,
    int DayTimeoutSeconds,
    int TestTimeoutSeconds,
    int MemoryLimitMb);

public sealed record DayManifest(
    int Day,
    string Slug,
    string Folder,
    LocalizedText Title,
    bool Available,
    string? Project,
    int TimeLimitSeconds,
    double Points,
    IReadOnlyList<ExerciseManifest> Exercises)
{
    /// <summary>
    /// Engine APIs a submission may not call on this day because they are the reference implementation of what is
    /// graded: a type ("Course.Engine.Layers.Affine"), a member ("Course.Engine.Ops.Sigmoid") or a namespace ("Course.Engine.Optimizers.*"); "Api @ File.cs" limits an entry to one learner file.
    /// </summary>
    [JsonPropertyName("forbiddenEngineApis")]
    public IReadOnlyList<string> ForbiddenEngineApis { get; init; } = [];

    public string Label => $"Day{Day:00}";
}

public sealed record ExerciseManifest(string Id, string Title, double Points);
