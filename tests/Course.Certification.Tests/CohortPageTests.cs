using Course.Certification.Analysis;
using Course.Certification.Results;
using Course.Certification.Similarity;
using Course.Model;

namespace Course.Certification.Tests;

/// <summary>cohort.html on a synthetic cohort whose figures are worked out below.</summary>
public sealed class CohortPageTests
{
    private static readonly CertificationSettings Settings = new(new CertificationWeights(0.3, 0.3, 0.4), 0.7, 0.6, 70, 90, 6, 90, 120);

    private static LearnerComponents Learner(string id, double[] days, int knowledge, double technical, bool late = false, double? model = null) =>
        new(id, $"name-{id}", days.Select((s, i) => (Day: i + 1, s)).ToDictionary(x => x.Day, x => x.s), knowledge, 60, new Dictionary<int, int>(), technical, late, model, false);

    private static double[] Days(double score) => Enumerable.Repeat(score, 9).ToArray();

    // Totals: A 98 · B 70 · C 90.5 (fails knowledge) · D 60 (late) · E 86 · F 86 → 4 of 6 pass, mean 81.75, median 86.
    private static readonly IReadOnlyList<CertificationOutcome> Outcomes = CohortCertification.Certify(
    [
        Learner("A", Days(100), 60, 95, model: 0.97),
        Learner("B", [83, 83, 83, 83, 83, 83, 83, 83, 86], 42, 60),
        Learner("C", Days(100), 41, 100),
        Learner("D", Days(100), 60, 0, late: true),
        Learner("E", Days(90), 54, 80),
        Learner("F", Days(90), 54, 80),
    ], Settings);

    /// <summary>Day 3: B, C and D got 2 of 6 (要復習), the others 6 of 6; Day 5: only B is 要復習.</summary>
    private static KnowledgeScore Knowledge(string id) => new([],
        [new PoolScore(3, id is "B" or "C" or "D" ? 2 : 6, 6), new PoolScore(5, id == "B" ? 1 : 6, 6)], []);

    private static readonly ItemAnalysisResult Items = new(6, 4, 2, 13 / 6.0, Math.Sqrt(41 / 36.0), 32 / 123.0,
    [
        new QuestionStatistics("D3-Q1", 3, "計算", 'A', 6, 2, 0, [2, 2, 1, 1], 1, 0, 1, 0.8835, 0.686),
        new QuestionStatistics("D3-Q4", 3, "知識", 'D', 6, 3, 1, [1, 1, 0, 3], 0.5, 1, -0.5, -0.1562, -0.5345),
    ]);

    private static readonly SimilarityReport Similarity = new(SimilaritySettings.Default,
        [new SimilarityUnit("Day01", 6, [new SimilarPair("A", "E", 87, 100, 120, [])], null,
            [new SimilarPair("F", ClassSimilarity.ReferenceId, 50, 60, 200, [])], 0, 600)], []);

    private static string Page() => CohortPage.Render(new CohortPageInput("2026A", "テスト講座 / Test course", Settings, Outcomes,
        Outcomes.ToDictionary(o => o.Learner.LearnerId, o => (KnowledgeScore?)Knowledge(o.Learner.LearnerId)),
        new Dictionary<string, string> { ["zed"] = "zed: no DayNN project folders" }, Items, Similarity));

    [Fact]
    public void Overview_gives_the_pass_rate_and_the_totals()
    {
        var html = Page();

        html.Should().Contain("<dt>合格率 / Pass rate</dt><dd>66.7%</dd>");
        html.Should().Contain("<dt>合格 / Passed</dt><dd>4</dd>").And.Contain("<dt>優 / Distinction</dt><dd>1</dd>");
        html.Should().Contain("<dt>平均点 / Mean total</dt><dd>81.75</dd>").And.Contain("<dt>中央値 / Median</dt><dd>86</dd>");
        html.Should().Contain("<dt>スキップ / Skipped</dt><dd>1</dd>");
    }

    [Fact]
    public void The_histogram_counts_each_bin_of_ten_points()
    {
        var html = Page();

        ScoreHistogram.Bins(Outcomes.Select(o => o.Total)).Should().Equal(0, 0, 0, 0, 0, 0, 1, 1, 2, 2);
        html.Should().Contain("<svg class=\"histogram\"");
        html.Should().Contain("data-bin=\"60\" data-count=\"1\"").And.Contain("data-bin=\"80\" data-count=\"2\"")
            .And.Contain("data-bin=\"90\" data-count=\"2\"").And.Contain("data-bin=\"0\" data-count=\"0\"");
    }

    [Fact]
    public void Day_and_theme_means_are_given()
    {
        var html = Page();

        // Day 1: (100 + 83 + 100 + 100 + 90 + 90) / 6 = 93.83; Day 9: (100 + 86 + 100 + 100 + 90 + 90) / 6 = 94.33.
        html.Should().Contain("<tr><td>Day 1</td><td class=\"num\">93.83</td>");
        html.Should().Contain("<tr><td>Day 9</td><td class=\"num\">94.33</td>");
        // Day 3 knowledge: (6 + 2 + 2 + 2 + 6 + 6) / 36 = 66.7%, 3 of 6 learners to review.
        html.Should().Contain("<tr><td>Day 3</td><td class=\"num\">93.83</td><td class=\"num\">66.7%</td><td class=\"num flag\">3 / 6</td></tr>");
        html.Should().Contain("<tr><td>強化学習 / reinforcement learning</td><td>9</td><td class=\"num\">94.33</td><td class=\"num\">—</td></tr>");
        // Images = days 4, 5; knowledge pool 5: 31 of 36 = 86.1%.
        html.Should().Contain("<tr><td>画像 / images</td><td>4, 5</td><td class=\"num\">93.83</td><td class=\"num\">86.1%</td></tr>");
        // Knowledge component: (100 + 70 + 68.33 + 100 + 90 + 90) / 6 = 86.39.
        html.Should().Contain("<tr><td>知識テスト / Knowledge (%)</td><td class=\"num\">86.39</td></tr>");
    }

    [Fact]
    public void Flags_name_review_days_bad_questions_and_similar_pairs()
    {
        var html = Page();

        html.Should().Contain("<li class=\"flag\">Day 3: 要復習 3 / 6 人 (learners), 正答率 / correct 66.7% — B, C, D</li>");
        html.Should().NotContain("<li class=\"flag\">Day 5:", "one learner of six is below a third");
        html.Should().Contain("<li class=\"flag\">D3-Q4: 識別力 / discrimination -0.50, 点双列相関（残差）/ item–rest r -0.53, 正答率 / facility 50%");
        html.Should().NotContain("<li class=\"flag\">D3-Q1");
        html.Should().Contain("<tr class=\"flag\"><td>Day01</td><td>name-A (A) – name-E (E)</td><td class=\"num\">87%</td><td class=\"num\">87</td></tr>");
        html.Should().Contain("<li class=\"flag\">Day01: name-F (F) 83.3%</li>", "50 of F's 60 fingerprints are the reference solution's");
        html.Should().Contain("<a href=\"similarity.html\">");
    }

    [Fact]
    public void Awards_results_and_item_analysis_are_on_the_page_itself()
    {
        var html = Page();

        html.Should().Contain($"<tr><td>{CohortCertification.BestTotal}</td><td>name-A (A)</td><td>total 98</td></tr>");
        html.Should().Contain("<tr><td>C</td><td>name-C</td><td class=\"num\">100</td><td class=\"num\">68.33%</td><td class=\"num\">100</td><td class=\"num\">90.5</td><td class=\"flag\">不合格 / fail</td>");
        html.Should().Contain("<td>zed</td><td>—</td><td colspan=\"6\" class=\"flag\">スキップ / skipped</td><td>zed: no DayNN project folders</td>");
        html.Should().Contain("信頼性係数 KR-20 / reliability: <b>0.26</b>");
        html.Should().Contain("<tr class=\"flag\"><td>D3-Q4</td><td>Day 3</td><td>知識</td><td class=\"num\">6</td><td class=\"num\">50%</td><td class=\"num\">-0.50</td>");
        html.Should().Contain("<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num key\">3</td>", "D3-Q4's counts in bank order, its key D marked");
    }

    [Fact]
    public void The_page_is_one_offline_file()
    {
        var html = Page();

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<meta charset=\"utf-8\">");
        html.Should().NotContain("<script").And.NotContain("src=").And.NotContain("http").And.NotContain("<link");
    }
}
