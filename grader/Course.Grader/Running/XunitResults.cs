using System.Xml;
using System.Xml.Linq;

namespace Course.Grader.Running;

/// <summary>
/// Reads the xunit v2+ XML that the test runner writes to a path only the grader chose. Test output printed by learner
/// code goes to stdout, which the grader never parses, so look-alike result lines change nothing.
/// </summary>
public static class XunitResults
{
    private const int MessageCap = 2000;

    /// <summary>Per test method: passed only when every case passed; the output joins the failure messages (never stack
    /// traces of hidden tests). Also the time xunit spent running tests (the rest of a process's wall time is start-up).</summary>
    public static XunitReport? TryRead(string path, bool includeStackTop)
    {
        if (!File.Exists(path)) return null;
        XDocument doc;
        try { doc = XDocument.Load(path); }
        catch (XmlException) { return null; }
        if (doc.Root?.Name != "assemblies" || doc.Root.Element("assembly") is null) return null;

        var byMethod = new Dictionary<string, (bool Passed, List<string> Messages, int Cases)>(StringComparer.Ordinal);
        foreach (var test in doc.Descendants("test"))
        {
            var key = $"{(string?)test.Attribute("type")}.{(string?)test.Attribute("method")}";
            var result = (string?)test.Attribute("result");
            var passed = result == "Pass";
            if (!byMethod.TryGetValue(key, out var entry)) entry = (true, [], 0);
            entry.Passed &= passed;
            entry.Cases++;
            if (!passed)
            {
                var message = test.Element("failure")?.Element("message")?.Value
                    ?? test.Element("reason")?.Value
                    ?? $"test {result?.ToLowerInvariant()}";
                var line = CleanMessage(message);
                if (includeStackTop && test.Element("failure")?.Element("stack-trace")?.Value is { } stack)
                    line += "\n" + string.Join('\n', stack.Split('\n').Take(3).Select(s => s.TrimEnd()));
                var name = (string?)test.Attribute("name") ?? key;
                entry.Messages.Add(name.Contains('(') ? $"{name[name.IndexOf('(')..]}: {line}" : line);
            }
            byMethod[key] = entry;
        }
        var seconds = doc.Root.Elements("assembly").Sum(a => double.TryParse((string?)a.Attribute("time"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 0);
        return new XunitReport(
            byMethod.ToDictionary(kv => kv.Key, kv => new TestOutcome(kv.Value.Passed, Cap(string.Join("\n", kv.Value.Messages.Distinct())), kv.Value.Cases)),
            TimeSpan.FromSeconds(seconds));
    }

    private static string CleanMessage(string message)
    {
        // "System.NotImplementedException : hint" → keep the type short and the hint whole.
        var m = Unescape(message).Trim();
        if (m.StartsWith("System.", StringComparison.Ordinal) && m.IndexOf(" : ", StringComparison.Ordinal) is var i and > 0)
            m = m[7..i] + ": " + m[(i + 3)..];
        return m;
    }

    /// <summary>xunit writes messages with C-style escapes (\" for a quote); undo them so hints print as written.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            char? unescaped = text[i] == '\\' && i + 1 < text.Length
                ? text[i + 1] switch { '"' => '"', '\\' => '\\', 'n' => '\n', 't' => '\t', 'r' => '\r', _ => null }
                : null;
            if (unescaped is { } c) { sb.Append(c); i++; }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>Capped, and without control characters (a message must not rewrite the instructor's terminal).</summary>
    private static string Cap(string s)
    {
        var clean = new string(s.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());
        return clean.Length <= MessageCap ? clean : clean[..MessageCap] + " …";
    }
}
