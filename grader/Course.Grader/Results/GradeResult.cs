using System.Text.Json.Serialization;

namespace Course.Grader.Results;

/// <summary>Why a day scored what it did.</summary>
public enum DayStatus { Graded, CompileError, PolicyViolation, Timeout, Crashed }

/// <summary>
/// The one result model every report renders. Field names follow Gradescope's results.json (a superset of it:
/// days[] and submission_sha256 are ours).
/// </summary>
public sealed record GradeResult
{
    [JsonPropertyName("score")] public required double Score { get; init; }
    [JsonPropertyName("max_score")] public required double MaxScore { get; init; }
    [JsonPropertyName("execution_time")] public required double ExecutionTime { get; init; }
    [JsonPropertyName("output")] public required string Output { get; init; }
    [JsonPropertyName("visibility")] public string Visibility { get; init; } = "visible";
    [JsonPropertyName("stdout_visibility")] public string StdoutVisibility { get; init; } = "hidden";
    [JsonPropertyName("tests")] public required IReadOnlyList<TestResult> Tests { get; init; }
    [JsonPropertyName("days")] public required IReadOnlyList<DayResult> Days { get; init; }
    [JsonPropertyName("submission_sha256")] public required string SubmissionSha256 { get; init; }
    [JsonPropertyName("public_only")] public bool PublicOnly { get; init; }
    [JsonPropertyName("sandbox")] public string Sandbox { get; init; } = "";
}

public sealed record TestResult
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("number")] public required string Number { get; init; }
    [JsonPropertyName("score")] public required double Score { get; init; }
    [JsonPropertyName("max_score")] public required double MaxScore { get; init; }
    /// <summary>"passed" or "failed".</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("output")] public required string Output { get; init; }
    /// <summary>"visible" for public tests, "after_published" for hidden ones.</summary>
    [JsonPropertyName("visibility")] public required string Visibility { get; init; }
    [JsonPropertyName("tags")] public required IReadOnlyList<string> Tags { get; init; }
    [JsonPropertyName("day")] public required int Day { get; init; }
    [JsonPropertyName("exercise")] public string? Exercise { get; init; }
    [JsonIgnore] public bool Passed => Status == "passed";
    [JsonIgnore] public bool Hidden => Visibility != "visible";
}

public sealed record DayResult
{
    [JsonPropertyName("day")] public required int Day { get; init; }
    [JsonPropertyName("score")] public required double Score { get; init; }
    [JsonPropertyName("max_score")] public required double MaxScore { get; init; }
    /// <summary>graded / compile_error / policy_violation / timeout / crashed.</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("messages")] public required IReadOnlyList<string> Messages { get; init; }
    [JsonPropertyName("execution_time")] public required double ExecutionTime { get; init; }
    [JsonIgnore] public DayStatus StatusKind => Parse(Status);

    public static string Name(DayStatus s) => s switch
    {
        DayStatus.Graded => "graded",
        DayStatus.CompileError => "compile_error",
        DayStatus.PolicyViolation => "policy_violation",
        DayStatus.Timeout => "timeout",
        _ => "crashed",
    };

    private static DayStatus Parse(string s) => s switch
    {
        "graded" => DayStatus.Graded,
        "compile_error" => DayStatus.CompileError,
        "policy_violation" => DayStatus.PolicyViolation,
        "timeout" => DayStatus.Timeout,
        _ => DayStatus.Crashed,
    };
}
