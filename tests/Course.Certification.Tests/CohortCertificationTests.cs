using System.Globalization;
using Course.Certification.Results;
using Course.Model;

namespace Course.Certification.Tests;

public sealed class CohortCertificationTests
{
    private static readonly CertificationSettings Settings = new(new CertificationWeights(0.3, 0.3, 0.4), 0.7, 0.6, 70, 90, 6, 90, 120);

    private static LearnerComponents Learner(string id, double[] days, int knowledge, double technical, bool late = false,
        double? model = null, bool complete = false, Dictionary<int, int>? byPool = null) =>
        new(id, $"name-{id}", days.Select((s, i) => (Day: i + 1, s)).ToDictionary(x => x.Day, x => x.s), knowledge, 60,
            byPool ?? [], technical, late, model, complete);

    private static double[] Days(double score) => Enumerable.Repeat(score, 9).ToArray();

    // Totals: A 98 · C 90.5 · E 86 · F 86 · B 70 · D 60.
    private static readonly IReadOnlyList<LearnerComponents> Cohort =
    [
        Learner("A", Days(100), 60, 95, model: 0.97, complete: true),
        Learner("B", [83, 83, 83, 83, 83, 83, 83, 83, 86], 42, 60),        // exactly on every pass mark
        Learner("C", Days(100), 41, 100),                                   // knowledge 68.3% < 70%
        Learner("D", Days(100), 60, 0, late: true),                         // late technical test
        Learner("E", Days(90), 54, 80, model: 0.97),
        Learner("F", Days(90), 54, 80, model: 0.91),
    ];

    private static CertificationOutcome Of(IReadOnlyList<CertificationOutcome> outcomes, string id) => outcomes.Single(o => o.Learner.LearnerId == id);

    [Fact]
    public void Totals_are_the_weighted_sum_and_results_follow_every_pass_condition()
    {
        var outcomes = CohortCertification.Certify(Cohort, Settings);

        outcomes.Select(o => o.Total).Should().Equal(98, 70, 90.5, 60, 86, 86);
        Of(outcomes, "A").Result.Should().Be(CertificationResult.Distinction);
        Of(outcomes, "B").Result.Should().Be(CertificationResult.Pass, "70 total, 70% knowledge and 60 technical meet the marks (≥, not >)");
        Of(outcomes, "C").Result.Should().Be(CertificationResult.Fail);
        Of(outcomes, "C").FailedConditions.Should().Equal("knowledge 68.3% < 70%");
        Of(outcomes, "D").FailedConditions.Should().Equal("total 60 < 70", "technical test submitted late (scored 0)");
        Of(outcomes, "E").Result.Should().Be(CertificationResult.Pass, "86 is below the distinction mark");
    }

    [Fact]
    public void Ranks_are_dense_by_total_and_ties_share_a_rank()
    {
        var outcomes = CohortCertification.Certify(Cohort, Settings);

        outcomes.Select(o => (o.Learner.LearnerId, o.Rank)).Should().Equal(("A", 1), ("B", 4), ("C", 2), ("D", 5), ("E", 3), ("F", 3));
    }

    [Fact]
    public void Awards_go_to_passing_learners_only_and_ties_share_them()
    {
        var outcomes = CohortCertification.Certify(Cohort, Settings);

        Of(outcomes, "A").Awards.Should().Contain([CohortCertification.BestTotal, CohortCertification.BestKnowledge,
            CohortCertification.BestTechnical, CohortCertification.BestModel, CohortCertification.Complete]);
        Of(outcomes, "D").Awards.Should().BeEmpty("D's perfect knowledge score does not count: D did not pass");
        Of(outcomes, "C").Awards.Should().BeEmpty("C's technical 100 does not count: C did not pass");
        Of(outcomes, "E").Awards.Should().Equal(CohortCertification.BestModel);
        Of(outcomes, "F").Awards.Should().BeEmpty();
    }

    [Fact]
    public void A_theme_tie_is_broken_by_that_theme_s_knowledge_questions_and_an_exact_tie_is_shared()
    {
        LearnerComponents[] cohort =
        [
            Learner("P", Days(95), 57, 90, byPool: new() { [4] = 5, [5] = 6, [9] = 6 }),
            Learner("Q", Days(95), 57, 90, byPool: new() { [4] = 6, [5] = 6, [9] = 6 }),
        ];

        var outcomes = CohortCertification.Certify(cohort, Settings);

        var images = CohortCertification.Themes[0].Award;
        var rl = CohortCertification.Themes[3].Award;
        Of(outcomes, "Q").Awards.Should().Contain(images);
        Of(outcomes, "P").Awards.Should().NotContain(images);
        Of(outcomes, "P").Awards.Should().Contain(rl);
        Of(outcomes, "Q").Awards.Should().Contain(rl);
    }

    [Fact]
    public void The_summary_keeps_numeric_columns_numeric_in_roster_order()
    {
        var csv = CohortReports.SummaryCsv(CohortCertification.Certify(Cohort, Settings)).TrimEnd('\n').Split('\n');

        csv[0].Should().Be(CohortReports.SummaryHeader);
        csv.Skip(1).Select(r => r.Split(',')[0]).Should().Equal("A", "B", "C", "D", "E", "F");
        foreach (var row in csv.Skip(1))
        {
            var cells = row.Split(',');
            foreach (var column in new[] { 2, 3, 4, 5, 7 })
                double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out _).Should().BeTrue($"column {column} of '{row}' is a number");
            cells[6].Should().BeOneOf("pass", "distinction", "fail");
        }
        csv[2].Should().StartWith("B,name-B,83.33,70,60,70,pass,4,");
    }

    [Fact]
    public void Awards_page_names_winners_and_the_winning_figure()
    {
        var md = CohortReports.AwardsMarkdown(CohortCertification.Certify(Cohort, Settings));

        md.Should().Contain($"| {CohortCertification.BestModel} | name-A (A), name-E (E) | held-out accuracy 0.970 |");
        md.Should().Contain($"| {CohortCertification.BestTotal} | name-A (A) | total 98 |");
    }
}
