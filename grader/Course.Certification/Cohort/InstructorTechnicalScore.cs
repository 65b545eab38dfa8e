using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Model;

namespace Course.Certification.Cohort;

/// <summary>
/// <c>technical/score.json</c>: a technical score the instructor sets by hand, for a learner who sat the test outside
/// the platform. <c>{"score": 0–100, "late": false, "model_accuracy": 0.95}</c>, only <c>score</c> required. A graded
/// technical submission always takes precedence.
/// </summary>
public sealed record InstructorTechnicalScore(double Score, bool Late, double? ModelAccuracy)
{
    public const string Path = "technical/score.json";

    /// <exception cref="CourseInputException">The file is not such an object, naming it and the field.</exception>
    public static InstructorTechnicalScore Parse(byte[] json, string name)
    {
        JsonObject doc;
        try { doc = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("empty"); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { throw new CourseInputException($"{name}: not a JSON object ({e.Message})"); }
        double? Number(string field) => doc[field] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<double>(out var d) => d,
            _ => throw new CourseInputException($"{name}: '{field}' must be a number"),
        };
        var score = Number("score") ?? throw new CourseInputException($"{name}: missing 'score' (0–100)");
        if (score is < 0 or > 100) throw new CourseInputException($"{name}: 'score' {score.ToString("0.##", CultureInfo.InvariantCulture)} is not within 0–100");
        var accuracy = Number("model_accuracy");
        if (accuracy is < 0 or > 1) throw new CourseInputException($"{name}: 'model_accuracy' {accuracy} is not within 0–1");
        var late = doc["late"] switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw new CourseInputException($"{name}: 'late' must be true or false"),
        };
        return new InstructorTechnicalScore(late ? 0 : score, late, accuracy);
    }
}
