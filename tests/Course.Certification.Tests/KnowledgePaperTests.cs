namespace Course.Certification.Tests;

public sealed class KnowledgePaperTests : IDisposable
{
    private readonly FixtureBank _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void A_paper_has_six_questions_from_each_of_the_ten_pools_and_no_question_twice()
    {
        var paper = KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-01", 6);

        paper.Items.Should().HaveCount(60);
        paper.Items.GroupBy(i => i.Question.Day).Should().HaveCount(10).And.OnlyContain(g => g.Count() == 6);
        paper.Items.Select(i => i.Question.Id).Should().OnlyHaveUniqueItems();
        paper.Items.Select(i => i.Position).Should().Equal(Enumerable.Range(1, 60));
    }

    [Fact]
    public void The_same_cohort_and_learner_always_get_the_same_paper()
    {
        var a = KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-01", 6);
        var b = KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-01", 6);

        Describe(a).Should().Equal(Describe(b));
    }

    [Fact]
    public void Different_learners_and_cohorts_get_different_selections_orders_and_option_orders()
    {
        var a = KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-01", 6);
        var b = KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-02", 6);
        var c = KnowledgePaper.Draw(_fixture.Bank, "2026B", "learner-01", 6);

        a.Items.Select(i => i.Question.Id).Order().Should().NotEqual(b.Items.Select(i => i.Question.Id).Order(), "selection differs");
        Describe(a).Should().NotEqual(Describe(c));
        a.Items.Count(i => i.ShownAnswer != i.Question.Answer.Letter).Should().BeGreaterThan(30, "options are shuffled per question (~3/4 move)");
    }

    [Fact]
    public void Calculation_questions_take_their_share_of_every_pool()
    {
        // The fixture pools are 3 計算 + 7 知識: round(6 × 3/10) = 2 calculation questions per pool, 20 on the paper.
        foreach (var learner in new[] { "a", "b", "c", "d" })
        {
            var paper = KnowledgePaper.Draw(_fixture.Bank, "2026A", learner, 6);
            paper.Items.GroupBy(i => i.Question.Day).Should().OnlyContain(g => g.Count(i => i.Question.Tag == "計算") == 2);
        }
    }

    [Fact]
    public void Every_question_of_a_pool_is_drawn_for_some_learner()
    {
        var seen = Enumerable.Range(0, 40).SelectMany(n => KnowledgePaper.Draw(_fixture.Bank, "2026A", $"l{n}", 6).Items)
            .Select(i => i.Question.Id).ToHashSet();

        seen.Should().HaveCount(100, "a fresh draw per learner, not one selection for all");
    }

    [Fact]
    public void A_bank_with_only_some_days_draws_from_the_pools_it_has()
    {
        foreach (var day in new[] { 4, 5, 6, 7, 8, 9 }) File.Delete(Path.Combine(_fixture.BankFolder, $"day{day:00}.md"));

        var paper = KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-01", 6);

        paper.Items.GroupBy(i => i.Question.Day).Select(g => (g.Key, g.Count())).Order().Should().Equal((1, 6), (2, 6), (3, 6), (10, 6));
    }

    [Fact]
    public void The_real_exam_bank_gives_every_learner_a_full_paper()
    {
        var root = typeof(KnowledgePaperTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "CourseRoot").Value!;
        var bank = ExamBank.Load(Path.Combine(root, "grader", "exam-bank"));

        var paper = KnowledgePaper.Draw(bank, "2026A", "learner-01", 6);

        paper.Items.Should().HaveCount(6 * bank.Pools.Count);
        paper.Items.Count(i => i.Question.Tag != "知識").Should().BeGreaterThanOrEqualTo(bank.Pools.Count, "every pool contributes applied questions");
    }

    [Fact]
    public void A_bank_too_small_for_the_draw_names_the_file()
    {
        using var small = new FixtureBank(perPool: 5);

        var act = () => KnowledgePaper.Draw(small.Bank, "2026A", "x", 6);

        act.Should().Throw<Course.Model.CourseInputException>().WithMessage("exam bank: day01.md has 5 questions, the draw needs 6");
    }

    [Fact]
    public void The_rendered_paper_and_answer_sheet_carry_no_answers_and_no_bank_ids()
    {
        var paper = KnowledgePaper.Draw(_fixture.Bank, "2026A", "learner-01", 6);

        var md = PaperRenderer.Markdown(paper, 90);
        var html = PaperRenderer.Html(paper, 90);
        var csv = PaperRenderer.EmptyAnswers(paper);

        foreach (var text in new[] { md, html })
        {
            text.Should().NotContain("[x]").And.NotContain("解説").And.NotContain("D1-Q").And.Contain("Q60");
        }
        csv.Split('\n')[0].Should().Be("question_id,choice");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(61);
    }

    private static IEnumerable<string> Describe(KnowledgePaper paper) =>
        paper.Items.Select(i => $"{i.Position}:{i.Question.Id}:{string.Concat(i.ShownOptions.Select(o => o.Letter))}");
}
