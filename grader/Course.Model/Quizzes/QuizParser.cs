using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Model.Quizzes;

/// <summary>Parses quiz.md with Markdig's AST and checks the fixed format; every problem is reported with its line.</summary>
public static partial class QuizParser
{
    public static readonly IReadOnlySet<string> Tags = new HashSet<string> { "知識", "計算", "コード" };

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().Build();

    public static QuizFile ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static QuizFile Parse(string markdown, string path)
    {
        var doc = Markdown.Parse(markdown, Pipeline);
        var questions = new List<QuizQuestion>();
        var errors = new List<string>();
        Draft? current = null;
        var preambleEnd = markdown.Length;

        foreach (var block in doc)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                if (current is null) preambleEnd = heading.Span.Start;
                Finish(current, path, questions, errors);
                current = new Draft(Text(heading.Inline), heading.Line + 1);
                continue;
            }
            if (current is null) continue; // title and intro before the first question
            switch (block)
            {
                case QuoteBlock quote:
                    var quoted = string.Join(" ", quote.OfType<ParagraphBlock>().Select(p => Text(p.Inline)));
                    if (quoted.StartsWith("EN:", StringComparison.Ordinal)) current.English = quoted[3..].Trim();
                    else current.Stem.AppendLine(quoted);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var para = item.OfType<ParagraphBlock>().FirstOrDefault();
                        var task = para?.Inline?.FirstChild as TaskList;
                        var text = Text(para?.Inline).Trim();
                        if (task is null) { current.Stem.AppendLine("- " + text); continue; }
                        current.Options.Add((text, task.Checked, item.Line + 1));
                    }
                    break;
                case ParagraphBlock p:
                    var t = Text(p.Inline).Trim();
                    if (t.StartsWith("解説", StringComparison.Ordinal)) current.Explanation = t["解説".Length..].TrimStart(':', '：', ' ');
                    else current.Stem.AppendLine(t);
                    break;
                default:
                    current.Stem.AppendLine(markdown.Substring(block.Span.Start, block.Span.Length));
                    break;
            }
        }
        Finish(current, path, questions, errors);
        if (questions.Count == 0 && errors.Count == 0) errors.Add($"{path}:1: no questions (expected '## D<day>-Q<n> · <tag> · <seed ref>' headings)");
        foreach (var dup in questions.GroupBy(q => q.Id).Where(g => g.Count() > 1))
            errors.Add($"{path}:{dup.Last().Line}: duplicate question id {dup.Key}");
        return new QuizFile(path, markdown[..preambleEnd].Trim(), questions, errors);
    }

    private static void Finish(Draft? d, string path, List<QuizQuestion> questions, List<string> errors)
    {
        if (d is null) return;
        var at = $"{path}:{d.Line}";
        var before = errors.Count;
        var parts = d.Heading.Split('·', StringSplitOptions.TrimEntries);
        var id = HeadingId().Match(parts[0]);
        if (parts.Length != 3 || !id.Success) { errors.Add($"{at}: heading '{d.Heading}' is not 'D<day>-Q<n> · <tag> · <seed ref>'"); return; }
        if (!Tags.Contains(parts[1])) errors.Add($"{at}: tag '{parts[1]}' is not one of {string.Join(", ", Tags)}");
        if (d.Stem.ToString().Trim().Length == 0) errors.Add($"{at}: {parts[0]} has no question text");
        if (d.English is null) errors.Add($"{at}: {parts[0]} has no '> EN: …' line");
        if (d.Explanation is null) errors.Add($"{at}: {parts[0]} has no '**解説**: …' line");
        if (d.Options.Count != 4) errors.Add($"{at}: {parts[0]} has {d.Options.Count} options (expected exactly 4)");
        if (d.Options.Count(o => o.Checked) != 1) errors.Add($"{at}: {parts[0]} marks {d.Options.Count(o => o.Checked)} options correct (expected exactly one '- [x]')");
        var options = new List<QuizOption>();
        for (var i = 0; i < d.Options.Count; i++)
        {
            var (text, isChecked, line) = d.Options[i];
            var m = OptionLetter().Match(text);
            var expected = (char)('A' + i);
            if (!m.Success || m.Groups[1].Value[0] != expected) { errors.Add($"{path}:{line}: option should start with '{expected}. '"); continue; }
            var body = m.Groups[2].Value.Trim();
            if (CrossReference().IsMatch(body)) errors.Add($"{path}:{line}: option {expected} refers to other options by letter (options are shuffled)");
            options.Add(new QuizOption(expected, body, isChecked));
        }
        if (errors.Count > before) return;
        questions.Add(new QuizQuestion(parts[0], int.Parse(id.Groups[1].Value), int.Parse(id.Groups[2].Value), parts[1], parts[2],
            d.Stem.ToString().Trim(), d.English!, options, d.Explanation!, d.Line));
    }

    /// <summary>Plain text of an inline container: literals, code, emphasis contents, links' text; task-list marks dropped.</summary>
    private static string Text(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        foreach (var child in inline)
        {
            switch (child)
            {
                case TaskList: break;
                case LiteralInline lit: sb.Append(lit.Content.ToString()); break;
                case CodeInline code: sb.Append('`').Append(code.Content).Append('`'); break;
                case LineBreakInline: sb.Append(' '); break;
                case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
                case ContainerInline container: sb.Append(Text(container)); break;
                default: sb.Append(child.ToString()); break;
            }
        }
        return sb.ToString();
    }

    private sealed class Draft(string heading, int line)
    {
        public string Heading { get; } = heading;
        public int Line { get; } = line;
        public StringBuilder Stem { get; } = new();
        public string? English { get; set; }
        public string? Explanation { get; set; }
        public List<(string Text, bool Checked, int Line)> Options { get; } = [];
    }

    [GeneratedRegex(@"^D(\d+)-Q(\d+)$")]
    private static partial Regex HeadingId();

    [GeneratedRegex(@"^([A-D])\.\s+(.*)$", RegexOptions.Singleline)]
    private static partial Regex OptionLetter();

    [GeneratedRegex(@"(?<![A-Za-z])[A-D]\s*(と|および|及び|や|and|or|,|、)\s*[A-D](?![A-Za-z])")]
    private static partial Regex CrossReference();
}
