using System.Text.Json;
using Course.Grader.Suites;

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
            var weight = 1;
            if (traits.ValueKind == JsonValueKind.Object && traits.TryGetProperty("Weight", out var w) && w.GetArrayLength() > 0
                && !(int.TryParse(w[0].GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out weight) && weight >= 1))
                throw new GradingException($"{origin}: {cls}.{method} has [Trait(\"Weight\", \"{w[0].GetString()}\")]; a weight is a whole number ≥ 1");
            var tm = new TestMethod(cls, method, exercise, weight);
            methods.TryAdd(tm.FullName, tm);
        }
        return methods.Values.OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
    }
}
