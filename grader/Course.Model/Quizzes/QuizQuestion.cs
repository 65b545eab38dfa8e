namespace Course.Model.Quizzes;

/// <summary>One option of a question: letter A–D, text, and whether it is the correct one ([x]).</summary>
public sealed record QuizOption(char Letter, string Text, bool Correct);

/// <summary>
/// A knowledge-test question from quiz.md : <c>## D1-Q3 · 知識 · 004 L160–177</c>, Japanese stem,
/// <c>&gt; EN: …</c>, four task-list options with exactly one <c>[x]</c>, and <c>**解説**: …</c>.
/// </summary>
public sealed record QuizQuestion(
    string Id, int Day, int Number, string Tag, string SeedRef, string Stem, string English,
    IReadOnlyList<QuizOption> Options, string Explanation, int Line)
{
    public QuizOption Answer => Options.Single(o => o.Correct);
}

/// <summary>A parsed quiz file: the Markdown before the first question (title, instructions), the questions, and format errors as "file:line: message".</summary>
public sealed record QuizFile(string Path, string Preamble, IReadOnlyList<QuizQuestion> Questions, IReadOnlyList<string> Errors);
