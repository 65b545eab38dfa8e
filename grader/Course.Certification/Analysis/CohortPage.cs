using System.Globalization;
using System.Net;
using System.Text;
using Course.Certification.Knowledge;
using Course.Certification.Results;
using Course.Certification.Similarity;
using Course.Model;

namespace Course.Certification.Analysis;

/// <summary>What the cohort page is made from: the certification, each learner's scored knowledge test (null: not handed in), the skipped folders, and the two analyses.</summary>
public sealed record CohortPageInput(
    string Cohort, string Title, CertificationSettings Settings,
    IReadOnlyList<CertificationOutcome> Outcomes,
    IReadOnlyDictionary<string, KnowledgeScore?> Knowledge,
    IReadOnlyDictionary<string, string> Skipped,
    ItemAnalysisResult Items,
    SimilarityReport? Similarity,
    string SimilarityFile = "similarity.html");

/// <summary>
/// <c>cohort.html</c>: what the instructor reads after <c>course certify</c>, without opening a CSV — totals and their
/// distribution, pass rate, per-day and per-theme means, awards, what needs a look (days the class should review,
/// questions that discriminate the wrong way, similar code), every learner's result and the item analysis. Labels are
/// Japanese with English; one offline file (inline CSS and SVG, no script, no external resource).
/// </summary>
public static class CohortPage
{
    /// <summary>A pool is a day to review for the class when at least this share of its learners are 要復習 in it.</summary>
    public const double ReviewShare = 1.0 / 3;

    public static string Render(CohortPageInput input)
    {
        var o = input.Outcomes;
        var s = input.Settings;
        var passing = o.Count(x => x.Result != CertificationResult.Fail);
        var distinction = o.Count(x => x.Result == CertificationResult.Distinction);
        var totals = o.Select(x => x.Total).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>コホート報告 / Cohort report — {E(input.Cohort)}</title><style>");
        html.Append("body{font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Sans\",\"Yu Gothic\",sans-serif;margin:1.5rem auto;max-width:72rem;line-height:1.5;padding:0 1rem}");
        html.Append("table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;vertical-align:top}td.num,th.num{text-align:right}");
        html.Append(".flag{color:#a00;font-weight:bold}.key{font-weight:bold;text-decoration:underline}.note{color:#555}dl.kpi{display:flex;flex-wrap:wrap;gap:1rem}");
        html.Append("dl.kpi div{border:1px solid #bbb;padding:.4rem .8rem;min-width:9rem}dl.kpi dt{font-size:.85rem;color:#555}dl.kpi dd{margin:0;font-size:1.4rem}");
        html.Append("@media print{details{display:block}}</style></head><body>");
        html.Append($"<h1>コホート報告 / Cohort report — {E(input.Cohort)}</h1><p>{E(input.Title)}</p>");

        // Overview.
        html.Append("<h2 id=\"overview\">概要 / Overview</h2><dl class=\"kpi\">");
        Kpi("認定対象 / Certified", $"{o.Count}");
        Kpi("スキップ / Skipped", $"{input.Skipped.Count}");
        Kpi("合格 / Passed", $"{passing}");
        Kpi("合格率 / Pass rate", o.Count == 0 ? "—" : Pct((double)passing / o.Count));
        Kpi("優 / Distinction", $"{distinction}");
        Kpi("平均点 / Mean total", o.Count == 0 ? "—" : N(totals.Average()));
        Kpi("中央値 / Median", o.Count == 0 ? "—" : N(Median(totals)));
        Kpi("最高・最低 / Max · min", o.Count == 0 ? "—" : $"{N(totals.Max())} · {N(totals.Min())}");
        html.Append("</dl>");
        html.Append($"<p class=\"note\">合格率は認定対象（採点できた受講者）に対する割合。合格条件: 総合 ≥ {N(s.PassMark)}、知識 ≥ {N(100 * s.KnowledgePass)}%、技術 ≥ {N(100 * s.TechnicalPass)}。");
        html.Append($"総合 = {N(s.Weights.Coursework)}·課題 + {N(s.Weights.Knowledge)}·知識 + {N(s.Weights.Technical)}·技術。<br>EN: the pass rate is over the certified learners (skipped folders excluded). ");
        html.Append($"Pass: total ≥ {N(s.PassMark)}, knowledge ≥ {N(100 * s.KnowledgePass)}%, technical ≥ {N(100 * s.TechnicalPass)}; distinction: total ≥ {N(s.DistinctionMark)}.</p>");

        // Distribution.
        html.Append("<h2 id=\"distribution\">総合点の分布 / Distribution of totals</h2>");
        html.Append(ScoreHistogram.Svg(totals, s.PassMark, s.DistinctionMark));
        html.Append("<table><tr><th>区間 / bin</th>");
        var bins = ScoreHistogram.Bins(totals);
        for (var i = 0; i < bins.Length; i++) html.Append($"<th class=\"num\">{i * ScoreHistogram.BinWidth}–</th>");
        html.Append("</tr><tr><td>人数 / learners</td>");
        foreach (var b in bins) html.Append($"<td class=\"num\">{b}</td>");
        html.Append("</tr></table>");

        // Component, day and theme means.
        html.Append("<h2 id=\"means\">平均 / Means</h2><table><tr><th>項目 / component</th><th class=\"num\">平均 / mean</th></tr>");
        Row("課題 / Coursework", o.Select(x => x.Learner.Coursework));
        Row("知識テスト / Knowledge (%)", o.Select(x => x.Learner.Knowledge));
        Row("技術テスト / Technical", o.Select(x => x.Learner.Technical));
        Row("総合 / Total", totals);
        html.Append("</table>");

        var pools = PoolFigures(input);
        html.Append("<h3>日別 / Per day</h3><table><tr><th>日 / day</th><th class=\"num\">課題平均 / coursework mean</th><th class=\"num\">知識正答率 / knowledge correct</th><th class=\"num\">要復習の人数 / learners to review</th></tr>");
        for (var d = 1; d <= 10; d++)
        {
            var coursework = d <= 9 && o.Count > 0 ? N(o.Average(x => x.Learner.DayScores.GetValueOrDefault(d))) : "—";
            if (d == 10 && !pools.ContainsKey(10)) continue;
            var (share, review, asked) = pools.GetValueOrDefault(d);
            var flagged = IsReviewDay(review, asked);
            html.Append($"<tr><td>{(d == 10 ? "総合 / general" : $"Day {d}")}</td><td class=\"num\">{coursework}</td><td class=\"num\">{(asked == 0 ? "—" : Pct(share))}</td>");
            html.Append($"<td class=\"num{(flagged ? " flag" : "")}\">{(asked == 0 ? "—" : $"{review} / {asked}")}</td></tr>");
        }
        html.Append("</table>");
        html.Append("<h3>テーマ別 / Per theme</h3><table><tr><th>テーマ / theme</th><th>日 / days</th><th class=\"num\">課題平均 / coursework mean</th><th class=\"num\">知識正答率 / knowledge correct</th></tr>");
        foreach (var (award, days) in CohortCertification.Themes)
        {
            var theme = award.Replace("テーマ賞（", "").Replace("）", " ").Replace("Theme award: ", "").Trim();
            var coursework = o.Count == 0 ? "—" : N(o.Average(x => days.Average(d => x.Learner.DayScores.GetValueOrDefault(d))));
            var (correct, asked) = ThemeKnowledge(input, days);
            html.Append($"<tr><td>{E(theme)}</td><td>{string.Join(", ", days)}</td><td class=\"num\">{coursework}</td><td class=\"num\">{(asked == 0 ? "—" : Pct((double)correct / asked))}</td></tr>");
        }
        html.Append("</table>");

        // Awards.
        html.Append("<h2 id=\"awards\">表彰 / Awards</h2><table><tr><th>賞 / award</th><th>受賞者 / winners</th><th>決め手 / figure</th></tr>");
        foreach (var award in CohortReports.AwardOrder)
        {
            var winners = o.Where(x => x.Awards.Contains(award)).ToList();
            html.Append($"<tr><td>{E(award)}</td><td>{(winners.Count == 0 ? "—" : E(string.Join(", ", winners.Select(w => $"{w.Learner.Name} ({w.Learner.LearnerId})"))))}</td>");
            html.Append($"<td>{(winners.Count == 0 ? "該当なし / no passing learner qualifies" : E(CohortReports.Figure(award, winners[0])))}</td></tr>");
        }
        html.Append("</table>");

        // Flags.
        html.Append("<h2 id=\"flags\">要確認 / Flags</h2>");
        var reviewDays = pools.Where(p => IsReviewDay(p.Value.Review, p.Value.Asked)).OrderBy(p => p.Key).ToList();
        html.Append("<h3>要復習の日 / Days to review</h3>");
        if (reviewDays.Count == 0) html.Append("<p>なし / None.</p>");
        else
        {
            html.Append("<ul>");
            foreach (var (pool, f) in reviewDays)
            {
                var who = input.Knowledge.Where(k => k.Value?.Pools.Any(p => p.Pool == pool && p.NeedsReview) == true).Select(k => k.Key).Order(StringComparer.Ordinal);
                html.Append($"<li class=\"flag\">{(pool == 10 ? "総合 / general" : $"Day {pool}")}: 要復習 {f.Review} / {f.Asked} 人 (learners), 正答率 / correct {Pct(f.Share)} — {E(string.Join(", ", who))}</li>");
            }
            html.Append("</ul>");
        }
        html.Append($"<p class=\"note\">要復習: その日の知識問題の正答が半分未満。受講者の {Pct(ReviewShare)} 以上が要復習の日を挙げる。EN: a learner needs review on a day with fewer than half of its questions right; a day is listed when at least {Pct(ReviewShare)} of the learners do.</p>");

        html.Append("<h3>負の識別力の問題 / Questions with negative discrimination</h3>");
        var flaggedItems = input.Items.Flagged;
        if (flaggedItems.Count == 0) html.Append("<p>なし / None.</p>");
        else
        {
            html.Append("<ul>");
            foreach (var q in flaggedItems)
                html.Append($"<li class=\"flag\">{E(q.QuestionId)}: 識別力 / discrimination {N2(q.Discrimination)}, 点双列相関（残差）/ item–rest r {N2(q.RestPointBiserial)}, 正答率 / facility {Pct(q.Facility)} — 正答・選択肢の記述を確認 / check the key and the wording</li>");
            html.Append("</ul>");
        }

        html.Append("<h3>コード類似度 / Similar code</h3>");
        var pairs = input.Similarity?.Flagged ?? [];
        if (input.Similarity is null) html.Append("<p>未実行 / Not run.</p>");
        else if (pairs.Count == 0) html.Append("<p>閾値を超える組なし / No pair above the threshold.</p>");
        else
        {
            html.Append("<table><tr><th>日 / unit</th><th>受講者 / learners</th><th class=\"num\">類似度 / similarity</th><th class=\"num\">共有 / shared</th></tr>");
            foreach (var (unit, p) in pairs)
                html.Append($"<tr class=\"flag\"><td>{E(unit)}</td><td>{E(NameOf(input, p.LearnerA))} – {E(NameOf(input, p.LearnerB))}</td><td class=\"num\">{Pct(p.Similarity)}</td><td class=\"num\">{p.Shared}</td></tr>");
            html.Append("</table>");
        }
        var likeReference = input.Similarity?.ReferenceMatches ?? [];
        if (likeReference.Count > 0)
        {
            html.Append("<p>模範解答に近いコード / Code close to the reference solution:</p><ul>");
            foreach (var group in likeReference.GroupBy(m => m.Unit))
                html.Append($"<li class=\"flag\">{E(group.Key)}: {E(string.Join(", ", group.Select(m => $"{NameOf(input, m.Pair.LearnerA)} {Pct(m.Pair.Similarity)}")))}</li>");
            html.Append("</ul>");
        }
        if (input.Similarity is not null)
            html.Append($"<p>一致箇所の対照表 / matching regions side by side: <a href=\"{E(input.SimilarityFile)}\">{E(input.SimilarityFile)}</a></p>");

        // Learners.
        html.Append("<h2 id=\"learners\">受講者別の結果 / Results per learner</h2><table><tr><th>ID</th><th>氏名 / name</th><th class=\"num\">課題 / coursework</th><th class=\"num\">知識 / knowledge</th><th class=\"num\">技術 / technical</th><th class=\"num\">総合 / total</th><th>結果 / result</th><th class=\"num\">順位 / rank</th><th>不足 / failed conditions · 賞 / awards</th></tr>");
        foreach (var x in o)
        {
            var notes = x.FailedConditions.Concat(x.Awards);
            html.Append($"<tr><td>{E(x.Learner.LearnerId)}</td><td>{E(x.Learner.Name)}</td><td class=\"num\">{N(x.Learner.Coursework)}</td><td class=\"num\">{N(x.Learner.Knowledge)}%</td><td class=\"num\">{N(x.Learner.Technical)}</td>");
            html.Append($"<td class=\"num\">{N(x.Total)}</td><td{(x.Result == CertificationResult.Fail ? " class=\"flag\"" : "")}>{CertificationOutcome.Label(x.Result)} / {CertificationOutcome.Code(x.Result)}</td><td class=\"num\">{x.Rank}</td><td>{E(string.Join("; ", notes))}</td></tr>");
        }
        foreach (var (id, reason) in input.Skipped.OrderBy(k => k.Key, StringComparer.Ordinal))
            html.Append($"<tr><td>{E(id)}</td><td>—</td><td colspan=\"6\" class=\"flag\">スキップ / skipped</td><td>{E(reason)}</td></tr>");
        html.Append("</table>");

        // Item analysis.
        var items = input.Items;
        html.Append("<h2 id=\"items\">知識テストの項目分析 / Item analysis of the knowledge test</h2>");
        html.Append($"<p>受験者 / learners: {items.Learners} · 1 人あたりの問題数 / items per paper: {N(items.ItemsPerPaper)} · 平均正答数 / mean correct: {N(items.MeanCorrect)} (SD {N(items.SdCorrect)}) · ");
        html.Append($"信頼性係数 KR-20 / reliability: <b>{N2(items.Kr20)}</b> · 上位・下位群 / upper and lower groups: {items.GroupSize} 人 each (27%)</p>");
        html.Append("<p class=\"note\">正答率 = 正答者 / 出題された人数。識別力 D = 上位 27% の正答率 − 下位 27% の正答率。r = 点双列相関（総合点との相関）、r(残差) = その問題を除いた得点との相関。選択肢の人数は問題バンクの元の順序（受講者ごとの並べ替えを戻したもの）、下線が正答。");
        html.Append("EN: facility = share right among those asked; D = upper 27% facility − lower 27% facility; r = point-biserial with the total, r(rest) = with the total less the item; option counts in the bank's order (each learner's shuffle undone), the key underlined; items.csv has the same figures.</p>");
        html.Append("<table><tr><th>問題 / question</th><th>日 / pool</th><th>種別 / tag</th><th class=\"num\">出題 / asked</th><th class=\"num\">正答率 / facility</th><th class=\"num\">D</th><th class=\"num\">r</th><th class=\"num\">r(rest)</th><th class=\"num\">A</th><th class=\"num\">B</th><th class=\"num\">C</th><th class=\"num\">D</th><th class=\"num\">無回答 / blank</th><th>注意 / flag</th></tr>");
        foreach (var q in items.Questions)
        {
            html.Append($"<tr{(q.NegativeDiscrimination ? " class=\"flag\"" : "")}><td>{E(q.QuestionId)}</td><td>{(q.Pool == 10 ? "general" : $"Day {q.Pool}")}</td><td>{E(q.Tag)}</td><td class=\"num\">{q.Asked}</td><td class=\"num\">{Pct(q.Facility)}</td>");
            html.Append($"<td class=\"num\">{N2(q.Discrimination)}</td><td class=\"num\">{N2(q.PointBiserial)}</td><td class=\"num\">{N2(q.RestPointBiserial)}</td>");
            for (var i = 0; i < 4; i++)
                html.Append($"<td class=\"num{((char)('A' + i) == q.Answer ? " key" : "")}\">{(i < q.OptionCounts.Count ? q.OptionCounts[i] : 0)}</td>");
            html.Append($"<td class=\"num\">{q.Blank}</td><td>{(q.NegativeDiscrimination ? "負の識別力 / negative discrimination" : "")}</td></tr>");
        }
        html.Append("</table>");
        html.Append("</body></html>\n");
        return html.ToString();

        void Kpi(string label, string value) => html.Append($"<div><dt>{E(label)}</dt><dd>{E(value)}</dd></div>");

        void Row(string label, IEnumerable<double> values)
        {
            var list = values.ToList();
            html.Append($"<tr><td>{E(label)}</td><td class=\"num\">{(list.Count == 0 ? "—" : N(list.Average()))}</td></tr>");
        }
    }

    /// <summary>Per pool: the class's share of correct answers, how many learners are 要復習 in it, and how many were asked it.</summary>
    public static IReadOnlyDictionary<int, (double Share, int Review, int Asked)> PoolFigures(CohortPageInput input)
    {
        var scores = input.Knowledge.Values.Where(k => k is not null).SelectMany(k => k!.Pools).GroupBy(p => p.Pool);
        return scores.ToDictionary(g => g.Key, g =>
        {
            var asked = g.Sum(p => p.Asked);
            return (asked == 0 ? 0 : (double)g.Sum(p => p.Correct) / asked, g.Count(p => p.NeedsReview), g.Count());
        });
    }

    private static bool IsReviewDay(int review, int learners) => learners > 0 && review > 0 && review >= ReviewShare * learners;

    private static (int Correct, int Asked) ThemeKnowledge(CohortPageInput input, int[] days)
    {
        var pools = input.Knowledge.Values.Where(k => k is not null).SelectMany(k => k!.Pools).Where(p => days.Contains(p.Pool)).ToList();
        return (pools.Sum(p => p.Correct), pools.Sum(p => p.Asked));
    }

    private static string NameOf(CohortPageInput input, string id) =>
        input.Outcomes.FirstOrDefault(x => x.Learner.LearnerId == id) is { } o ? $"{o.Learner.Name} ({id})" : id;

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string N(double v) => (Math.Round(v, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    private static string N2(double? v) => v is { } d ? (Math.Round(d, 2) + 0.0).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Pct(double share) => (Math.Round(100 * share, 1) + 0.0).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
