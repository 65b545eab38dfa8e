using System.Text.Json;

namespace Course.Grader.Building;

/// <summary>Reads xunit v3's <c>-list full/json</c> discovery output into test methods.</summary>
public static class TestListing
{
    public static IReadOnlyList<TestMethod> Parse(string json, string origin)
    {
        var start = json.IndexOf('[');
        if (start < 0) throw new GradingException($"{origin}: test discovery printed no JSON list");
        using var doc = JsonDocument.Parse(json[start..]);
        var methods = new Dictionary<string, TestMethod>(StringComparer.Ordinal);
        foreach (var test in doc.RootElement.EnumerateArray())
        {
            var cls = test.GetProperty("Class").GetString() ?? "";
            var method = test.GetProperty("Method").GetString() ?? "";
            string? exercise = null;
            if (test.TryGetProperty("Traits", out var traits) && traits.ValueKind == JsonValueKind.Object
                && traits.TryGetProperty("Exercise", out var values) && values.GetArrayLength() > 0)
                exercise = values[0].GetString();
            var tm = new TestMethod(cls, method, exercise);
            methods.TryAdd(tm.FullName, tm);
        }
        return methods.Values.OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
    }
}
