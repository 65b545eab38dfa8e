using System.Text.Json.Serialization;

namespace Course.Grader.Results;

/// <summary>Why a day scored what it did; written in snake_case (graded, compile_error, policy_violation, timeout, crashed).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<DayStatus>))]
public enum DayStatus { Graded, CompileError, PolicyViolation, Timeout, Crashed }

/// <summary>One test's verdict, as Gradescope spells it (passed, failed).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<TestStatus>))]
public enum TestStatus { Passed, Failed }

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
    [JsonPropertyName("status")] public required TestStatus Status { get; init; }
    [JsonPropertyName("output")] public required string Output { get; init; }
    /// <summary>"visible" for public tests, "after_published" for hidden ones.</summary>
    [JsonPropertyName("visibility")] public required string Visibility { get; init; }
    [JsonPropertyName("tags")] public required IReadOnlyList<string> Tags { get; init; }
    [JsonPropertyName("day")] public required int Day { get; init; }
    [JsonPropertyName("exercise")] public string? Exercise { get; init; }
    /// <summary>Test cases the method ran (a theory's data rows; `dotnet test` counts each); 1 when it did not run.</summary>
    [JsonPropertyName("cases")] public int Cases { get; init; } = 1;
    [JsonIgnore] public bool Passed => Status == TestStatus.Passed;
    [JsonIgnore] public bool Hidden => Visibility != "visible";
}

public sealed record DayResult
{
    [JsonPropertyName("day")] public required int Day { get; init; }
    [JsonPropertyName("score")] public required double Score { get; init; }
    [JsonPropertyName("max_score")] public required double MaxScore { get; init; }
    [JsonPropertyName("status")] public required DayStatus Status { get; init; }
    [JsonPropertyName("messages")] public required IReadOnlyList<string> Messages { get; init; }
    [JsonPropertyName("execution_time")] public required double ExecutionTime { get; init; }
    /// <summary>Where the day's time went (null when nothing ran: a compile error or policy violation stops before).</summary>
    [JsonPropertyName("timings")] public DayTimings? Timings { get; init; }
}

/// <summary>
/// One day's time in seconds: the in-memory compile with the policy scan, then per suite the wall time of its test
/// processes, the wait for a free process slot (queue) and the part xunit spent in tests
/// (wall − queue − tests = copying, process start, JIT and discovery).
/// Suites run side by side, so the day's execution time is about compile + the slower suite.
/// </summary>
public sealed record DayTimings
{
    [JsonPropertyName("compile")] public required double Compile { get; init; }
    [JsonPropertyName("public_wall")] public required double PublicWall { get; init; }
    [JsonPropertyName("public_queue")] public double PublicQueue { get; init; }
    [JsonPropertyName("public_tests")] public required double PublicTests { get; init; }
    [JsonPropertyName("hidden_wall")] public double HiddenWall { get; init; }
    [JsonPropertyName("hidden_queue")] public double HiddenQueue { get; init; }
    [JsonPropertyName("hidden_tests")] public double HiddenTests { get; init; }
    [JsonPropertyName("processes")] public required int Processes { get; init; }
}
