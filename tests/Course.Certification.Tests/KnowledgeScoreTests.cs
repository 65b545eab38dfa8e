namespace Course.Certification.Tests;

public sealed class KnowledgeScoreTests : IDisposable
{
    private readonly FixtureBank _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private KnowledgePaper Paper() => KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-07", 6);

    private static string Answers(KnowledgePaper paper, Func<PaperItem, string> choice) =>
        "question_id,choice\n" + string.Concat(paper.Items.Select(i => $"{PaperRenderer.PaperId(i.Position)},{choice(i)}\n"));

    [Fact]
    public void Letters_as_shown_on_the_paper_are_mapped_back_through_the_shuffle()
    {
        var paper = Paper();

        var score = KnowledgeScore.Score(paper, Answers(paper, i => i.ShownAnswer.ToString()));

        score.Correct.Should().Be(60);
        score.Problems.Should().BeEmpty();
        score.Pools.Should().OnlyContain(p => p.Correct == 6 && p.Asked == 6 && !p.NeedsReview);
    }

    [Fact]
    public void Bank_letters_written_without_the_shuffle_do_not_score_as_if_they_were_shown_letters()
    {
        var paper = Paper();
        var unshuffled = paper.Items.Count(i => i.ShownAnswer == i.Question.Answer.Letter);

        var score = KnowledgeScore.Score(paper, Answers(paper, i => i.Question.Answer.Letter.ToString()));

        score.Correct.Should().Be(unshuffled).And.BeLessThan(30);
    }

    [Fact]
    public void Blank_and_malformed_rows_score_zero_are_reported_and_never_throw()
    {
        var paper = Paper();
        var first = paper.Items[0];
        var csv = "question_id,choice\n" +
                  $"Q01,{first.ShownAnswer}\n" +
                  "Q02,\n" +
                  "Q03,Z\n" +
                  "Q04\n" +
                  "Q99,A\n" +
                  $"Q05,{paper.Items[4].ShownAnswer}\n" +
                  $"Q05,{(char)('A' + (paper.Items[4].ShownAnswer - 'A' + 1) % 4)}\n" +
                  ",,,\n";

        var score = KnowledgeScore.Score(paper, csv);

        score.Correct.Should().Be(2, "Q01 and the first Q05 are right; everything else scores 0");
        score.Problems.Should().Contain(p => p.StartsWith("answers.csv:4: Q03: 'Z' is not one of A–D", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("answers.csv:5: expected 'question_id,choice'", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("answers.csv:6: 'Q99' is not a question on this paper", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("answers.csv:8: Q05 answered twice", StringComparison.Ordinal))
            .And.Contain("Q02: blank (scored 0)");
    }

    [Fact]
    public void A_pool_below_half_is_flagged_for_review()
    {
        var paper = Paper();

        var score = KnowledgeScore.Score(paper, Answers(paper, i => i.Question.Day == 3 ? "" : i.ShownAnswer.ToString()));

        score.Correct.Should().Be(54);
        score.Pools.Single(p => p.Pool == 3).NeedsReview.Should().BeTrue();
        score.Pools.Where(p => p.Pool != 3).Should().OnlyContain(p => !p.NeedsReview);
    }
}
