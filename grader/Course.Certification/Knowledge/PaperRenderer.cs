using System.Net;
using System.Text;
using Markdig;

namespace Course.Certification.Knowledge;

/// <summary>
/// Writes a learner's paper without answers: Markdown (to read on screen), HTML (to print) and the empty
/// <c>answers.csv</c> the learner fills in with the letters as shown on their paper.
/// </summary>
public static class PaperRenderer
{
    public const string AnswersHeader = "question_id,choice";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The id a question carries on the paper and in answers.csv: its position (Q01 …), never its bank id.</summary>
    public static string PaperId(int position) => $"Q{position:00}";

    public static string Markdown(KnowledgePaper paper, int minutes)
    {
        var md = new StringBuilder();
        md.AppendLine($"# 知識テスト / Knowledge test — {paper.Cohort} · {paper.Learner}");
        md.AppendLine();
        md.AppendLine($"{paper.Items.Count} 問・{minutes} 分・各問 1 点（誤答による減点なし）。answers.csv の各行に、この用紙に表示された記号 (A–D) を書くこと。");
        md.AppendLine($"> EN: {paper.Items.Count} questions, {minutes} minutes, one point each, no negative marking. Write the letter shown on this paper (A–D) on each row of answers.csv.");
        foreach (var item in paper.Items)
        {
            md.AppendLine();
            md.AppendLine($"## {PaperId(item.Position)}");
            md.AppendLine(item.Question.Stem);
            md.AppendLine($"> EN: {item.Question.English}");
            md.AppendLine();
            for (var i = 0; i < item.ShownOptions.Count; i++) md.AppendLine($"- {(char)('A' + i)}. {item.ShownOptions[i].Text}");
        }
        return md.ToString();
    }

    public static string Html(KnowledgePaper paper, int minutes)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>知識テスト / Knowledge test — {Encode(paper.Learner)}</title>");
        html.Append("<style>body{font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Sans\",\"Yu Gothic\",sans-serif;max-width:46rem;margin:2rem auto;line-height:1.6}");
        html.Append("section{break-inside:avoid;border-top:1px solid #ccc;padding-top:.5rem}.en{color:#555}ol{list-style-type:upper-alpha}</style></head><body>");
        html.Append($"<h1>知識テスト / Knowledge test</h1><p>{Encode(paper.Cohort)} · {Encode(paper.Learner)} · {paper.Items.Count} 問 / questions · {minutes} 分 / minutes</p>");
        foreach (var item in paper.Items)
        {
            html.Append($"<section id=\"{PaperId(item.Position).ToLowerInvariant()}\"><h2>{PaperId(item.Position)}</h2>");
            html.Append(Markdig.Markdown.ToHtml(item.Question.Stem, Pipeline));
            html.Append($"<p class=\"en\">EN: {Encode(item.Question.English)}</p><ol>");
            foreach (var option in item.ShownOptions) html.Append($"<li>{Inline(option.Text)}</li>");
            html.Append("</ol></section>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    public static string EmptyAnswers(KnowledgePaper paper) =>
        AnswersHeader + "\n" + string.Concat(paper.Items.Select(i => $"{PaperId(i.Position)},\n"));

    private static string Inline(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown, Pipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
