using System.Globalization;
using Course.Model.Quizzes;

namespace Course.Curriculum.Tests;

/// <summary>
/// A day's quiz.md as the answer tests read it (through the course's one quiz parser): a question by id, the option
/// marked correct, every option, and the numbers written the way the quizzes write them.
/// </summary>
public sealed class QuizKey(string lessonFolder)
{
    public QuizFile Quiz { get; } = QuizParser.ParseFile(Path.Combine(Repo.Root, "curriculum", lessonFolder, "quiz.md"));

    public QuizQuestion Question(string id) => Quiz.Questions.Single(q => q.Id == id);

    /// <summary>The text of the option marked correct.</summary>
    public string Marked(string id) => Question(id).Answer.Text;

    public string[] Options(string id) => [.. Question(id).Options.Select(o => o.Text)];

    public string Option(string id, char letter) => Question(id).Options.Single(o => o.Letter == letter).Text;

    /// <summary>Everything a learner reads of a question: stem, options and explanation.</summary>
    public string Text(string id) =>
        string.Join("\n", [Question(id).Stem, .. Question(id).Options.Select(o => o.Text), Question(id).Explanation]);

    /// <summary><paramref name="v"/> with <paramref name="digits"/> decimals, invariant culture.</summary>
    public static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    /// <summary>Thousands separated, up to two decimals: 1,728 or 0.5.</summary>
    public static string Number(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
