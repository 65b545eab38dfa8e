using System.Net;
using System.Text;
using Course.Model.Quizzes;

namespace Course.Notebooks.Site;

/// <summary>
/// Renders a quiz: stems and options visible, the answer and 解説 folded in &lt;details&gt;. The heading's source
/// reference is maintainers' metadata and is not shown.
/// </summary>
public static class QuizPage
{
    public static string RenderBody(QuizFile quiz, MarkdownRenderer markdown, string sourceFile)
    {
        var html = new StringBuilder(markdown.Render(quiz.Preamble, sourceFile));
        foreach (var q in quiz.Questions)
        {
            var anchor = q.Id.ToLowerInvariant();
            html.Append($"<section class=\"quiz-question\" id=\"{WebUtility.HtmlEncode(anchor)}\">");
            html.Append($"<h2>{WebUtility.HtmlEncode(q.Id)} <span class=\"tag\">{WebUtility.HtmlEncode(q.Tag)}</span></h2>");
            html.Append(markdown.Render(q.Stem, sourceFile));
            if (q.English.Length > 0) html.Append($"<p class=\"en\">EN: {Inline(markdown, q.English, sourceFile)}</p>");
            html.Append("<ol class=\"options\" type=\"A\">");
            foreach (var option in q.Options) html.Append($"<li>{Inline(markdown, option.Text, sourceFile)}</li>");
            html.Append("</ol>");
            var answer = $"正解 / Answer: {q.Answer.Letter}";
            html.Append($"<details><summary>答えと解説 / Answer and explanation</summary><p class=\"answer\">{answer}</p>");
            html.Append(markdown.Render("**解説**: " + q.Explanation, sourceFile));
            html.Append("</details></section>");
        }

        return html.ToString();
    }

    /// <summary>One paragraph of markdown without its &lt;p&gt; wrapper (for list items).</summary>
    private static string Inline(MarkdownRenderer markdown, string text, string sourceFile)
    {
        var html = markdown.Render(text, sourceFile).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 1, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }
}
