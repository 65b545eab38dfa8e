using System.Text.Json;

namespace Course.Model;

/// <summary>curriculum/course.json: title, version, grading limits, the certification block and the ten days.</summary>
public sealed record CourseManifest(
    LocalizedText Title,
    string Version,
    GradingSettings Grading,
    IReadOnlyList<DayManifest> Days)
{
    /// <summary>Day-10 certification settings (weights, pass marks, the knowledge-test draw); absent in a course without one.</summary>
    public CertificationSettings? Certification { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and validates the manifest; a missing or malformed file throws <see cref="CourseInputException"/> naming it.</summary>
    public static CourseManifest Load(string path)
    {
        if (!File.Exists(path)) throw new CourseInputException($"{path}: course manifest not found");
        CourseManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<CourseManifest>(File.ReadAllText(path), JsonOptions); }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $":{l + 1}" : "";
            throw new CourseInputException($"{path}{line}: malformed course manifest: {e.Message}");
        }
        if (manifest is null || manifest.Days is null || manifest.Grading is null || manifest.Title is null)
            throw new CourseInputException($"{path}: course manifest lacks 'title', 'grading' or 'days'");
        foreach (var day in manifest.Days)
            if (day.Title is null || string.IsNullOrEmpty(day.Folder))
                throw new CourseInputException($"{path}: day {day.Day} lacks 'title' or 'folder'");
        var days = manifest.Days.Select(d => d.Exercises is null ? d with { Exercises = [] } : d).OrderBy(d => d.Day).ToList();
        return manifest with { Days = days };
    }

    public DayManifest Day(int day) =>
        Days.FirstOrDefault(d => d.Day == day) ?? throw new CourseInputException($"unknown day {day} (course.json has days {string.Join(", ", Days.Select(d => d.Day))})");

    /// <summary>Days that have a project (stub, solution and tests) to grade.</summary>
    public IEnumerable<DayManifest> GradableDays => Days.Where(d => d.Available && !string.IsNullOrEmpty(d.Project));
}

/// <summary>A Japanese text with its English counterpart.</summary>
public sealed record LocalizedText(string Ja, string En);

/// <summary>How every day is graded: the public/hidden split of each exercise's points and the sandbox limits.</summary>
public sealed record GradingSettings(
    double PublicShare,
    double HiddenShare,
    int DayTimeoutSeconds,
    int TestTimeoutSeconds,
    int MemoryLimitMb);
