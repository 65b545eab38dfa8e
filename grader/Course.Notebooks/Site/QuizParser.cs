using System.Text;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Site;

/// <summary>
/// Splits quiz.md into its preamble and questions. Format problems (not four options, not
/// exactly one marked answer, no 解説) are reported per question as one line naming the file
/// and question id; the question is still rendered so the page shows what is there.
/// </summary>
public static partial class QuizParser
{
    [GeneratedRegex(@"^\s*[-*] \[( |x|X)\] (?:\*\*)?([A-D])(?:\*\*)?[.．)]\s*(.*)$")]
    private static partial Regex OptionLine();

    public static (string Preamble, IReadOnlyList<QuizQuestion> Questions, IReadOnlyList<string> Problems) Parse(string markdown, string fileName)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var preamble = new StringBuilder();
        var questions = new List<QuizQuestion>();
        var problems = new List<string>();
        var i = 0;
        while (i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal)) preamble.AppendLine(lines[i++]);
        while (i < lines.Length)
        {
            var heading = lines[i++][3..].Trim();
            var body = new List<string>();
            while (i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal)) body.Add(lines[i++]);
            var question = ParseQuestion(heading, body);
            questions.Add(question);
            problems.AddRange(Check(question, fileName));
        }

        return (preamble.ToString(), questions, problems);
    }

    private static QuizQuestion ParseQuestion(string heading, List<string> body)
    {
        var parts = heading.Split('·', StringSplitOptions.TrimEntries);
        var stem = new StringBuilder();
        var english = new StringBuilder();
        var explanation = new StringBuilder();
        var options = new List<QuizOption>();
        var inExplanation = false;
        foreach (var line in body)
        {
            if (inExplanation)
            {
                explanation.AppendLine(line);
            }
            else if (line.TrimStart().StartsWith("**解説**", StringComparison.Ordinal))
            {
                inExplanation = true;
                explanation.AppendLine(line.TrimStart()["**解説**".Length..].TrimStart(':', '：', ' '));
            }
            else if (OptionLine().Match(line) is { Success: true } m)
            {
                options.Add(new QuizOption(m.Groups[2].Value, m.Groups[3].Value.Trim(), m.Groups[1].Value is "x" or "X"));
            }
            else if (line.TrimStart().StartsWith("> EN:", StringComparison.Ordinal))
            {
                english.AppendLine(line.TrimStart()["> EN:".Length..].Trim());
            }
            else if (english.Length > 0 && line.TrimStart().StartsWith('>') && options.Count == 0)
            {
                english.AppendLine(line.TrimStart()[1..].Trim());
            }
            else if (options.Count == 0)
            {
                stem.AppendLine(line);
            }
        }

        return new QuizQuestion(parts[0], parts.ElementAtOrDefault(1) ?? "", parts.ElementAtOrDefault(2) ?? "",
            stem.ToString().Trim(), english.ToString().Trim(), options, explanation.ToString().Trim());
    }

    private static IEnumerable<string> Check(QuizQuestion q, string fileName)
    {
        if (q.Options.Count != 4) yield return $"{fileName}: {q.Id}: {q.Options.Count} options (expected 4)";
        var correct = q.Options.Count(o => o.Correct);
        if (correct != 1) yield return $"{fileName}: {q.Id}: {correct} options marked [x] (expected exactly 1)";
        if (q.Explanation.Length == 0) yield return $"{fileName}: {q.Id}: no **解説** line";
        if (q.English.Length == 0) yield return $"{fileName}: {q.Id}: no '> EN:' line";
    }
}
