using System.Text.Json.Serialization;

namespace Course.Model;

/// <summary>One day of course.json: its folder, titles, project, points and exercises.</summary>
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
    /// graded: a type ("Course.Engine.Layers.Affine"), a member ("Course.Engine.Ops.Sigmoid") or a namespace
    /// ("Course.Engine.Optimizers.*"); "Api @ File.cs" limits an entry to one learner file.
    /// </summary>
    [JsonPropertyName("forbiddenEngineApis")]
    public IReadOnlyList<string> ForbiddenEngineApis { get; init; } = [];

    /// <summary>The project-style label, e.g. Day01.</summary>
    public string Label => $"Day{Day:00}";

    /// <summary>The curriculum folder's name, e.g. day01-mlp-backprop: the site's folder and page stem.</summary>
    public string Key => Path.GetFileName(Folder.TrimEnd('/'));
}

/// <summary>One exercise of a day: its id ("4.3"), title and points (decimals allowed).</summary>
public sealed record ExerciseManifest(string Id, string Title, double Points);
