using System.Globalization;
using Course.Certification.Analysis;
using Course.Model.Quizzes;

namespace Course.Certification.Tests;

/// <summary>
/// The item analysis on a 6-learner × 4-question response matrix whose figures are worked out by hand below, and on
/// real shuffled papers (the option counts come back in bank order).
/// </summary>
public sealed class ItemAnalysisTests
{
    // Bank keys: Q1 = A, Q2 = B, Q3 = C, Q4 = D. Letters are the bank letters each learner chose ('-' = blank).
    //            Q1 Q2 Q3 Q4   right   total
    //   L1        A  B  C  D   1 1 1 1   4
    //   L2        A  B  C  A   1 1 1 0   3
    //   L3        B  B  C  -   0 1 1 0   2
    //   L4        C  B  C  B   0 1 1 0   2
    //   L5        D  A  B  D   0 0 0 1   1
    //   L6        B  C  A  D   0 0 0 1   1
    private static readonly string[] Matrix = ["ABCD", "ABCA", "BBC-", "CBCB", "DABD", "BCAD"];
    private const string Keys = "ABCD";

    private static QuizQuestion Question(int k) => new($"D1-Q{k}", 1, k, k == 3 ? "計算" : "知識", "test", $"問題 {k}", $"Question {k}",
        [.. "ABCD".Select(l => new QuizOption(l, $"option {l}", l == Keys[k - 1]))], "解説", k);

    private static readonly IReadOnlyDictionary<string, QuizQuestion> Bank = Enumerable.Range(1, 4).Select(Question).ToDictionary(q => q.Id);

    private static IReadOnlyList<(string, KnowledgeScore)> Papers(string[] matrix) =>
        matrix.Select((row, j) =>
        {
            var items = row.Select((c, i) => new ScoredItem($"Q{i + 1:00}", $"D1-Q{i + 1}", 1, c == '-' ? null : c, c == '-' ? null : c, c == Keys[i])).ToList();
            return ($"L{j + 1}", new KnowledgeScore(items, [], []));
        }).ToList();

    private static QuestionStatistics Of(ItemAnalysisResult r, int k) => r.Questions.Single(q => q.QuestionId == $"D1-Q{k}");

    [Fact]
    public void Facility_is_the_share_right_and_options_are_counted_in_bank_order()
    {
        var r = ItemAnalysis.Analyse(Papers(Matrix), Bank);

        r.Learners.Should().Be(6);
        r.Questions.Select(q => q.Facility).Should().Equal(2 / 6.0, 4 / 6.0, 4 / 6.0, 3 / 6.0);
        Of(r, 1).OptionCounts.Should().Equal(2, 2, 1, 1);
        Of(r, 4).OptionCounts.Should().Equal(1, 1, 0, 3);
        Of(r, 4).Blank.Should().Be(1);
        Of(r, 3).Tag.Should().Be("計算");
    }

    [Fact]
    public void Discrimination_compares_the_upper_and_lower_27_percent()
    {
        var r = ItemAnalysis.Analyse(Papers(Matrix), Bank);

        // round(0.27 · 6) = 2: upper L1, L2 (totals 4, 3), lower L5, L6 (totals 1, 1).
        r.GroupSize.Should().Be(2);
        Of(r, 1).Discrimination.Should().Be(1.0);                  // 2/2 − 0/2
        Of(r, 2).Discrimination.Should().Be(1.0);                  // 2/2 − 0/2
        Of(r, 4).UpperFacility.Should().Be(0.5);                   // L1 right, L2 wrong
        Of(r, 4).LowerFacility.Should().Be(1.0);                   // L5 and L6 right
        Of(r, 4).Discrimination.Should().Be(-0.5);
    }

    [Fact]
    public void Point_biserial_against_the_total_and_against_the_rest()
    {
        var r = ItemAnalysis.Analyse(Papers(Matrix), Bank);

        // Totals 4,3,2,2,1,1: mean 13/6, population variance 41/36, s = √(41/36).
        var s = Math.Sqrt(41 / 36.0);
        // Q1: right L1, L2 → M1 = 3.5, M0 = (2+2+1+1)/4 = 1.5, p = 1/3 → r = (M1 − M0)/s · √(p·q).
        Of(r, 1).PointBiserial!.Value.Should().BeApproximately((3.5 - 1.5) / s * Math.Sqrt(1 / 3.0 * 2 / 3.0), 1e-12);
        Of(r, 1).PointBiserial!.Value.Should().BeApproximately(0.8835, 1e-4);
        // Q4: right L1, L5, L6 → M1 = 2, M0 = 7/3, p = 1/2.
        Of(r, 4).PointBiserial!.Value.Should().BeApproximately((2 - 7 / 3.0) / s * 0.5, 1e-12);
        // Q4 against the rest (total − Q4 = 3,3,2,2,0,0: mean 5/3, variance 14/9): M1 = 1, M0 = 7/3.
        Of(r, 4).RestPointBiserial!.Value.Should().BeApproximately((1 - 7 / 3.0) / Math.Sqrt(14 / 9.0) * 0.5, 1e-12);
        Of(r, 4).RestPointBiserial!.Value.Should().BeApproximately(-0.5345, 1e-4);
    }

    [Fact]
    public void Kr20_is_computed_from_the_item_variances_and_the_total_variance()
    {
        var r = ItemAnalysis.Analyse(Papers(Matrix), Bank);

        // Σpq = 3 · (2/9) + 1/4 = 11/12; KR-20 = 4/3 · (1 − (11/12)/(41/36)) = 4/3 · 8/41 = 32/123.
        r.Kr20!.Value.Should().BeApproximately(32 / 123.0, 1e-12);
        r.MeanCorrect.Should().BeApproximately(13 / 6.0, 1e-12);
        r.SdCorrect.Should().BeApproximately(Math.Sqrt(41 / 36.0), 1e-12);
    }

    [Fact]
    public void A_question_weaker_learners_get_right_more_often_is_flagged()
    {
        var r = ItemAnalysis.Analyse(Papers(Matrix), Bank);

        r.Flagged.Select(q => q.QuestionId).Should().Equal("D1-Q4");
    }

    [Fact]
    public void Items_csv_keeps_numeric_columns_numeric()
    {
        var csv = ItemAnalysis.Csv(ItemAnalysis.Analyse(Papers(Matrix), Bank)).TrimEnd('\n').Split('\n');

        csv[0].Should().Be(ItemAnalysis.CsvHeader);
        csv[1].Should().Be("D1-Q1,1,知識,A,6,2,0.3333,1,0,1,0.8835,0.686,2,2,1,1,0,");
        csv[4].Should().EndWith(",1,1,0,3,1,negative_discrimination");
        var header = ItemAnalysis.CsvHeader.Split(',');
        foreach (var row in csv.Skip(1))
        {
            var cells = row.Split(',');
            cells.Should().HaveCount(header.Length);
            for (var c = 0; c < header.Length; c++)
                if (header[c] is not ("question_id" or "tag" or "answer" or "flag"))
                    double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _).Should().BeTrue($"{header[c]} of '{row}' is a number");
        }
    }

    [Fact]
    public void Shuffled_papers_count_each_choice_under_its_bank_letter()
    {
        using var fixture = new FixtureBank();
        var bank = fixture.Bank;
        var papers = new List<(string, KnowledgeScore)>();
        foreach (var learner in new[] { "ann", "ben", "cat", "dan" })
        {
            var paper = KnowledgePaper.Draw(bank, "2026A", learner, 6);
            // Everyone marks the right option under whatever letter their own paper shows it.
            var answers = "question_id,choice\n" + string.Concat(paper.Items.Select(i => $"{PaperRenderer.PaperId(i.Position)},{i.ShownAnswer}\n"));
            papers.Add((learner, KnowledgeScore.Score(paper, answers)));
        }

        var r = ItemAnalysis.Analyse(papers, bank.ById());

        r.Questions.Should().NotBeEmpty();
        foreach (var q in r.Questions)
        {
            q.Facility.Should().Be(1);
            q.OptionCounts[q.Answer - 'A'].Should().Be(q.Asked, $"{q.QuestionId}'s key is bank option {q.Answer}");
            q.OptionCounts.Sum().Should().Be(q.Asked);
        }
        r.Kr20.Should().BeNull("every learner has the same total, so the totals do not vary");
    }
}
