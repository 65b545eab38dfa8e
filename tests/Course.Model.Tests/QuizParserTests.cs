using Course.Model.Quizzes;

namespace Course.Model.Tests;

public sealed class QuizParserTests
{
    [Fact]
    public void The_preamble_before_the_first_question_is_kept_for_the_page()
    {
        const string quiz = """
            # Day 1 クイズ

            説明の段落。

            ## D1-Q1 · 計算 · 003 L1
            1 + 1 は？
            > EN: What is 1 + 1?
            - [ ] A. 1
            - [x] B. 2
            - [ ] C. 3
            - [ ] D. 4

            **解説**: 1 + 1 = 2。
            """;

        var parsed = QuizParser.Parse(quiz, "quiz.md");

        parsed.Errors.Should().BeEmpty();
        parsed.Preamble.Should().Be("# Day 1 クイズ\n\n説明の段落。");
        parsed.Questions.Single().Answer.Letter.Should().Be('B');
    }
}
