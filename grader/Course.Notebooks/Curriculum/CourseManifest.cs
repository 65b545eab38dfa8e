using System.Text.Json;

namespace Course.Notebooks.Curriculum;

/// <summary>One exercise of a day, as listed in curriculum/course.json.</summary>
public sealed record ManifestExercise(string Id, string Title, int Points);

/// <summary>One day of curriculum/course.json.</summary>
public sealed record ManifestDay(int Day, string Slug, string Folder, string TitleJa, string TitleEn, bool Available, string? Project, IReadOnlyList<ManifestExercise> Exercises)
{
    /// <summary>Site folder and page stem, e.g. day01-mlp-backprop.</summary>
    public string Key => Path.GetFileName(Folder.TrimEnd('/'));
}

/// <summary>The parts of curriculum/course.json the notebooks and the site use.</summary>
public sealed record CourseManifest(string TitleJa, string TitleEn, IReadOnlyList<ManifestDay> Days)
{
    public static CourseManifest Load(string courseRoot)
    {
        var path = Path.Combine(courseRoot, "curriculum", "course.json");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var days = root.GetProperty("days").EnumerateArray().Select(d => new ManifestDay(
                d.GetProperty("day").GetInt32(),
                d.GetProperty("slug").GetString()!,
                d.GetProperty("folder").GetString()!,
                d.GetProperty("title").GetProperty("ja").GetString()!,
                d.GetProperty("title").GetProperty("en").GetString()!,
                d.TryGetProperty("available", out var a) && a.ValueKind == JsonValueKind.True,
                d.TryGetProperty("project", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                d.TryGetProperty("exercises", out var ex)
                    ? ex.EnumerateArray().Select(e => new ManifestExercise(
                        e.GetProperty("id").GetString()!,
                        e.GetProperty("title").GetString()!,
                        e.TryGetProperty("points", out var pts) ? pts.GetInt32() : 0)).ToList()
                    : [])).OrderBy(d => d.Day).ToList();
            return new CourseManifest(root.GetProperty("title").GetProperty("ja").GetString()!, root.GetProperty("title").GetProperty("en").GetString()!, days);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: cannot read the course manifest: {e.Message}", e);
        }
    }
}
