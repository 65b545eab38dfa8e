using System.Globalization;
using System.Text.Json;
using Course.Grader.Grading;

namespace Course.Grader.Roster;

/// <summary>
/// What a roster run graded with (<c>roster.json</c> beside its summary): the course version and the options that change
/// scores. Shards merge only when these agree, so a class summary never mixes two gradings.
/// </summary>
public sealed record RosterRun(string CourseVersion, string Days, bool PublicOnly, string Shard)
{
    public const string FileName = "roster.json";

    public static RosterRun Of(SubmissionGrader grader, GradeOptions options, RosterShard shard) => new(
        grader.Manifest.Version,
        options.Days is { Count: > 0 } d ? string.Join(",", d.Order().Select(x => x.ToString(CultureInfo.InvariantCulture))) : "all",
        options.PublicOnly,
        shard.ToString());

    public string Render() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    public static RosterRun Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new GradingException($"{folder}: not a roster output (no {FileName})");
        try { return JsonSerializer.Deserialize<RosterRun>(File.ReadAllText(path)) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new GradingException($"{path}: malformed: {e.Message}"); }
    }

    /// <summary>The same grading, whatever the shard.</summary>
    public bool SameGrading(RosterRun other) =>
        CourseVersion == other.CourseVersion && Days == other.Days && PublicOnly == other.PublicOnly;
}
