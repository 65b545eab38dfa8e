using Course.Model.Quizzes;

namespace Course.Curriculum.Tests;

/// <summary>quiz.md files follow CURRICULUM §3.4 (parsed with Markdig's AST); the parser reports each problem with its line.</summary>
public sealed class QuizFormatTests
{
    private const string Valid = """
        # Day 1 クイズ

        ## D1-Q1 · 計算 · 003 L246–262

        行ベクトル (11 22) と 3×2 行列の積について正しいものはどれか。
        > EN: What is the product of the row vector and the 3×2 matrix?

        - [ ] A. (77 209 341)
        - [x] B. 内側の次元が一致しないため定義されない
        - [ ] C. (11 22)
        - [ ] D. 3×1 の行列

        **解説**: 行列積は左の列数と右の行数が等しいときだけ定義される。

        ## D1-Q2 · 知識 · 004 L160–177

        ReLU の微分は？
        > EN: The derivative of ReLU?

        - [x] A. x > 0 なら 1、それ以外は 0
        - [ ] B. 常に 1
        - [ ] C. シグモイドと同じ
        - [ ] D. `tanh` と同じ

        **解説**: 正の入力では傾き 1。
        """;

    [Fact]
    public void A_valid_quiz_parses_into_questions_with_one_answer_each()
    {
        var quiz = QuizParser.Parse(Valid, "quiz.md");

        quiz.Errors.Should().BeEmpty();
        quiz.Questions.Select(q => (q.Id, q.Day, q.Number, q.Tag, q.SeedRef, q.Answer.Letter)).Should().Equal(
            ("D1-Q1", 1, 1, "計算", "003 L246–262", 'B'), ("D1-Q2", 1, 2, "知識", "004 L160–177", 'A'));
        quiz.Questions[0].English.Should().Be("What is the product of the row vector and the 3×2 matrix?");
        quiz.Questions[0].Stem.Should().StartWith("行ベクトル (11 22)");
        quiz.Questions[0].Options[1].Text.Should().Be("内側の次元が一致しないため定義されない");
        quiz.Questions[1].Options[3].Text.Should().Be("`tanh` と同じ");
        quiz.Questions[0].Explanation.Should().StartWith("行列積は");
        quiz.Questions[1].Line.Should().Be(15);
    }

    [Theory]
    [InlineData("- [x] A. (77 209 341)", "marks 2 options correct")]
    [InlineData("- [ ] D. 3×1 の行列\n", "has 3 options")]
    [InlineData("> EN: What is the product of the row vector and the 3×2 matrix?", "has no '> EN: …' line")]
    [InlineData("**解説**: 行列積は左の列数と右の行数が等しいときだけ定義される。", "has no '**解説**: …' line")]
    [InlineData("## D1-Q1 · 計算 · 003 L246–262", "is not 'D<day>-Q<n> · <tag> · <seed ref>'")]
    [InlineData("- [ ] C. (11 22)", "refers to other options by letter")]
    public void Format_errors_are_reported_with_file_and_line(string original, string expected)
    {
        var replacement = original switch
        {
            "- [x] A. (77 209 341)" => original,
            "- [ ] D. 3×1 の行列\n" => "",
            "## D1-Q1 · 計算 · 003 L246–262" => "## D1 Q1 計算",
            "- [ ] C. (11 22)" => "- [ ] C. AとBの両方",
            _ => "",
        };
        var source = original == "- [x] A. (77 209 341)" ? Valid.Replace("- [ ] A. (77 209 341)", "- [x] A. (77 209 341)") : Valid.Replace(original, replacement);

        var quiz = QuizParser.Parse(source, "day01/quiz.md");

        quiz.Errors.Should().ContainSingle().Which.Should().MatchRegex(@"^day01/quiz\.md:\d+: ").And.Contain(expected);
        quiz.Questions.Should().ContainSingle().Which.Id.Should().Be("D1-Q2");
    }

    public static TheoryData<string> QuizFiles() =>
        new(Directory.EnumerateDirectories(Path.Combine(Repo.Root, "curriculum"), "day*")
            .Select(d => Path.Combine(d, "quiz.md")).Where(File.Exists).Select(f => Path.GetRelativePath(Repo.Root, f)).DefaultIfEmpty("(none yet)"));

    [Theory]
    [MemberData(nameof(QuizFiles))]
    public void Every_quiz_file_in_the_course_is_well_formed(string relativePath)
    {
        if (relativePath == "(none yet)") Assert.Skip("no quiz.md exists yet");
        var quiz = QuizParser.ParseFile(Path.Combine(Repo.Root, relativePath));
        var day = int.Parse(relativePath.Split('/')[1][3..5]);

        quiz.Errors.Should().BeEmpty();
        quiz.Questions.Should().NotBeEmpty().And.OnlyContain(q => q.Day == day, "question ids name their own day");
    }
}
