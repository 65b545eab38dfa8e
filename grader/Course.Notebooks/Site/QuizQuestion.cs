namespace Course.Notebooks.Site;

/// <summary>One option of a quiz question (A–D) and whether it is the marked answer.</summary>
public sealed record QuizOption(string Letter, string Text, bool Correct);

/// <summary>
/// One question of a day's quiz.md (CURRICULUM §3.4): heading <c>## D1-Q1 · 知識 · 003 L124–150</c>,
/// Japanese stem, <c>&gt; EN: …</c> gloss, four task-list options (one <c>[x]</c>), <c>**解説**: …</c>.
/// </summary>
public sealed record QuizQuestion(string Id, string Tag, string SeedRef, string Stem, string English, IReadOnlyList<QuizOption> Options, string Explanation)
{
    public QuizOption? Answer => Options.Count(o => o.Correct) == 1 ? Options.Single(o => o.Correct) : null;
}
