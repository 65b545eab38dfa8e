using System.Globalization;
using System.Net;
using System.Text;

namespace Course.Certification.Similarity;

/// <summary>
/// <c>similarity.html</c>: per day the pairs at or above the threshold, each with its shared regions side by side
/// (file and lines of either learner, the code HTML-escaped). One offline file: inline CSS, no scripts, no external
/// resources; <c>&lt;details&gt;</c> folds the code.
/// </summary>
public static class SimilarityPage
{
    /// <summary>Regions shown per pair (largest first); the count of the rest is given.</summary>
    public const int MaxRegions = 12;

    public static string Render(SimilarityReport report, string cohort, Func<string, string>? nameOf = null)
    {
        var names = nameOf ?? (id => id);
        nameOf = id => id == ClassSimilarity.ReferenceId ? "模範解答 / reference solution" : names(id);
        var s = report.Settings;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>コード類似度 / Code similarity — {E(cohort)}</title><style>");
        html.Append("body{font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Sans\",\"Yu Gothic\",sans-serif;margin:1.5rem;line-height:1.5}");
        html.Append("table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.2rem .5rem;vertical-align:top;text-align:left}");
        html.Append("td.num{text-align:right}pre{margin:0;font-size:.8rem;white-space:pre;overflow-x:auto}table.regions{width:100%;table-layout:fixed}.side{width:50%}.note{color:#555}");
        html.Append("</style></head><body>");
        html.Append($"<h1>コード類似度 / Code similarity — {E(cohort)}</h1>");
        html.Append($"<p class=\"note\">Roslyn のトークンを正規化（識別子→I、リテラル→L）し、k = {s.K} トークンの k-gram をハッシュして窓 w = {s.W} で winnowing（Schleimer, Wilkerson, Aiken 2003; MOSS と同じ方式）。");
        html.Append($"配布スタブのコードは照合から除外。類似度 = 共有フィンガープリント数 / 少ない方のフィンガープリント数。{Pct(s.Threshold)} 以上かつ共有 {s.MinShared} 個以上の組を表示。");
        html.Append($"{s.CommonLimit} 人を超える受講者に共通するフィンガープリントは定型表現として無視（模範解答との比較ではこの除外をしない）。<br>");
        html.Append($"EN: Roslyn tokens normalised (identifiers → I, literals → L), k-grams of {s.K} tokens hashed and winnowed with window {s.W}; the starter stub's code never matches. ");
        html.Append($"Similarity = shared fingerprints / the smaller fingerprint count; pairs at ≥ {Pct(s.Threshold)} with ≥ {s.MinShared} shared are listed; fingerprints in more than {s.CommonLimit} learners' code are treated as common idiom. " +
                    "Each learner is also compared with the reference solution, without that filter. ");
        html.Append("A high score is a reason to look at the code, not a verdict.</p>");

        if (report.Units.Count == 0) html.Append("<p>比較できるコードなし / No code to compare.</p>");
        foreach (var unit in report.Units)
        {
            html.Append($"<h2 id=\"{E(unit.Label.ToLowerInvariant())}\">{E(unit.Label)}</h2>");
            html.Append($"<p>比較した受講者 / learners compared: {unit.Learners}");
            if (unit.Highest is { } top)
                html.Append($" · 最も高い組 / highest pair: {E(nameOf(top.LearnerA))} – {E(nameOf(top.LearnerB))} {Pct(top.Similarity)}");
            if (unit.CommonFingerprints > 0)
                html.Append($" · 共通表現として無視 / ignored as common: 受講者のフィンガープリントの / of the learners' fingerprints {Pct(unit.CommonShare)}");
            html.Append("</p>");
            if (unit.Flagged.Count == 0) html.Append("<p>閾値を超える組なし / No pair above the threshold.</p>");
            else
            {
                Table(html, unit.Flagged, nameOf);
                foreach (var p in unit.Flagged) Pair(html, unit.Label, p, nameOf, open: true);
            }
            if (unit.ReferenceMatches.Count > 0)
            {
                html.Append("<h3>模範解答との一致 / Close to the reference solution</h3>");
                Table(html, unit.ReferenceMatches, nameOf);
                foreach (var p in unit.ReferenceMatches) Pair(html, unit.Label, p, nameOf, open: false);
            }
        }
        if (report.Problems.Count > 0)
        {
            html.Append("<h2>読めなかったもの / Not read</h2><ul>");
            foreach (var problem in report.Problems) html.Append($"<li>{E(problem)}</li>");
            html.Append("</ul>");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, IReadOnlyList<SimilarPair> pairs, Func<string, string> nameOf)
    {
        html.Append("<table><tr><th>受講者 A / learner A</th><th>受講者 B / learner B</th><th>類似度 / similarity</th><th>共有 / shared</th><th>A の数 / A's</th><th>B の数 / B's</th></tr>");
        foreach (var p in pairs)
            html.Append($"<tr><td>{E(nameOf(p.LearnerA))}</td><td>{E(nameOf(p.LearnerB))}</td><td class=\"num\">{Pct(p.Similarity)}</td><td class=\"num\">{p.Shared}</td><td class=\"num\">{p.FingerprintsA}</td><td class=\"num\">{p.FingerprintsB}</td></tr>");
        html.Append("</table>");
    }

    private static void Pair(StringBuilder html, string unit, SimilarPair p, Func<string, string> nameOf, bool open)
    {
        html.Append($"<details{(open ? " open" : "")}><summary>{E(unit)}: {E(nameOf(p.LearnerA))} – {E(nameOf(p.LearnerB))} {Pct(p.Similarity)}（{p.Regions.Count} 箇所 / regions）</summary>");
        html.Append($"<table class=\"regions\"><tr><th class=\"side\">{E(nameOf(p.LearnerA))} ({E(p.LearnerA)})</th><th class=\"side\">{E(nameOf(p.LearnerB))} ({E(p.LearnerB)})</th></tr>");
        foreach (var r in p.Regions.Take(MaxRegions))
        {
            html.Append($"<tr><td><b>{E(r.FileA)}:{r.FirstLineA}–{r.LastLineA}</b><pre>{E(Numbered(r.LinesA, r.FirstLineA))}</pre></td>");
            html.Append($"<td><b>{E(r.FileB)}:{r.FirstLineB}–{r.LastLineB}</b><pre>{E(Numbered(r.LinesB, r.FirstLineB))}</pre></td></tr>");
        }
        html.Append("</table>");
        if (p.Regions.Count > MaxRegions) html.Append($"<p class=\"note\">ほか {p.Regions.Count - MaxRegions} 箇所 / {p.Regions.Count - MaxRegions} more regions</p>");
        html.Append("</details>");
    }

    private static string Numbered(IReadOnlyList<string> lines, int first) =>
        string.Join("\n", lines.Select((line, i) => $"{first + i,4}  {line}"));

    private static string Pct(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
