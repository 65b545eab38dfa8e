using System.Text.Json;
using System.Text.Json.Serialization;
using Course.Grader.Roster;

namespace Course.Grader.Results;

/// <summary>Statuses as results.json, JUnit, Markdown and the console spell them: <c>CompileError</c> → <c>compile_error</c>.</summary>
public sealed class SnakeCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;

/// <summary>The same spelling for text reports.</summary>
public static class StatusText
{
    public static string Text<T>(this T status) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
