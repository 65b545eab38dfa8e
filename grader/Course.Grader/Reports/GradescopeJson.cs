using System.Text.Encodings.Web;
using System.Text.Json;
using Course.Grader.Results;

namespace Course.Grader.Reports;

/// <summary>results.json in Gradescope's format (plus days[] and submission_sha256).</summary>
public static class GradescopeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(GradeResult result) => JsonSerializer.Serialize(result, Options);

    public static GradeResult Parse(string json) =>
        JsonSerializer.Deserialize<GradeResult>(json, Options) ?? throw new GradingException("results.json is empty");
}
