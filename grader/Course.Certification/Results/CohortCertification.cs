using Course.Model;

namespace Course.Certification.Results;

/// <summary>
/// Turns a cohort's components into results: weighted totals, pass conditions (total, knowledge share and technical
/// share, all from course.json's certification block), dense ranking by total, and the awards, which only passing
/// learners receive and which learners with equal figures share.
/// </summary>
public static class CohortCertification
{
    /// <summary>The theme awards: the days whose hidden-test scores are combined.</summary>
    public static readonly IReadOnlyList<(string Award, int[] Days)> Themes =
    [
        ("テーマ賞（画像）/ Theme award: images", [4, 5]),
        ("テーマ賞（系列）/ Theme award: sequences", [6, 7]),
        ("テーマ賞（生成モデル）/ Theme award: generative models", [8]),
        ("テーマ賞（強化学習）/ Theme award: reinforcement learning", [9]),
    ];

    public const string BestTotal = "最優秀賞 / Best overall";
    public const string BestKnowledge = "知識テスト賞 / Best knowledge test";
    public const string BestTechnical = "技術テスト賞 / Best technical test";
    public const string BestModel = "ベストモデル賞 / Best model";
    public const string Complete = "完全制覇賞 / Every hidden test passed";

    public static IReadOnlyList<CertificationOutcome> Certify(IReadOnlyList<LearnerComponents> learners, CertificationSettings settings)
    {
        var w = settings.Weights;
        var scored = learners.Select(l =>
        {
            var total = Math.Round(w.Coursework * l.Coursework + w.Knowledge * l.Knowledge + w.Technical * l.Technical, 2);
            var failed = new List<string>();
            if (total < settings.PassMark) failed.Add($"total {total:0.##} < {settings.PassMark:0.##}");
            if (l.Knowledge < 100 * settings.KnowledgePass) failed.Add($"knowledge {l.Knowledge:0.#}% < {100 * settings.KnowledgePass:0.#}%");
            if (l.TechnicalLate) failed.Add("technical test submitted late (scored 0)");
            else if (l.Technical < 100 * settings.TechnicalPass) failed.Add($"technical {l.Technical:0.#} < {100 * settings.TechnicalPass:0.#}");
            var result = failed.Count > 0 ? CertificationResult.Fail
                : total >= settings.DistinctionMark ? CertificationResult.Distinction : CertificationResult.Pass;
            return (Learner: l, Total: total, Result: result, Failed: failed);
        }).ToList();

        var distinctTotals = scored.Select(s => s.Total).Distinct().OrderDescending().ToList();
        var awards = scored.ToDictionary(s => s.Learner.LearnerId, _ => new List<string>());
        var passing = scored.Where(s => s.Result != CertificationResult.Fail).Select(s => s.Learner).ToList();
        var totals = scored.ToDictionary(s => s.Learner.LearnerId, s => s.Total);

        Award(BestTotal, passing, l => totals[l.LearnerId]);
        Award(BestKnowledge, passing, l => l.Knowledge);
        Award(BestTechnical, passing, l => l.Technical);
        foreach (var (award, days) in Themes)
            Award(award, passing, l => days.Sum(d => l.DayScores.GetValueOrDefault(d)), l => days.Sum(d => l.KnowledgeCorrectByPool.GetValueOrDefault(d)));
        Award(BestModel, passing.Where(l => l.ModelAccuracy is not null).ToList(), l => l.ModelAccuracy!.Value);
        foreach (var l in passing.Where(l => l.AllHiddenTestsPassed)) awards[l.LearnerId].Add(Complete);

        return scored.Select(s => new CertificationOutcome(s.Learner, s.Total, s.Result, s.Failed,
            distinctTotals.IndexOf(s.Total) + 1, awards[s.Learner.LearnerId])).ToList();

        void Award(string name, IReadOnlyList<LearnerComponents> candidates, Func<LearnerComponents, double> figure, Func<LearnerComponents, double>? tieBreak = null)
        {
            if (candidates.Count == 0) return;
            var best = candidates.Max(figure);
            if (best <= 0) return; // nothing achieved is nothing to award (a theme whose days the course does not grade yet)
            var winners = candidates.Where(l => figure(l) == best).ToList();
            if (tieBreak is not null && winners.Count > 1)
            {
                var bestTie = winners.Max(tieBreak);
                winners = winners.Where(l => tieBreak(l) == bestTie).ToList();
            }
            foreach (var l in winners) awards[l.LearnerId].Add(name);
        }
    }
}
