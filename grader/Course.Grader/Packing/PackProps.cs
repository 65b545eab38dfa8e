using System.Text;
using System.Text.RegularExpressions;

namespace Course.Grader.Packing;

/// <summary>
/// A props file as the pack carries it: the course's XML comments removed (they describe solutions, hidden tests and
/// other folders a pack does not have) and one comment written for the pack put at the top. Elements are untouched.
/// </summary>
public static partial class PackProps
{
    public static string Rewrite(string xml, string header)
    {
        var stripped = Comment().Replace(xml, "");
        var lines = new List<string>();
        foreach (var raw in stripped.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            // Blank where a comment stood: keep at most one blank line, and none right after an opening tag.
            if (line.Length == 0 && (lines.Count == 0 || lines[^1].Length == 0 || lines[^1].TrimStart().StartsWith('<') && !lines[^1].Contains("</", StringComparison.Ordinal) && !lines[^1].EndsWith("/>", StringComparison.Ordinal)))
                continue;
            lines.Add(line);
        }
        var project = lines.FindIndex(l => l.TrimStart().StartsWith("<Project", StringComparison.Ordinal));
        if (project < 0) throw new GradingException("props file without a <Project> element");
        var comment = new StringBuilder("  <!--\n");
        foreach (var l in header.Replace("\r\n", "\n").Trim().Split('\n')) comment.Append("    ").Append(l.Trim()).Append('\n');
        comment.Append("  -->");
        lines.Insert(project + 1, comment.ToString());
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join('\n', lines) + "\n";
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
