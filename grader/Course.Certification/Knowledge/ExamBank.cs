using Course.Model;
using Course.Model.Quizzes;

namespace Course.Certification.Knowledge;

/// <summary>
/// The knowledge test's questions: <c>grader/exam-bank/dayNN.md</c> for Days 1–9 and <c>general.md</c> (filed as day 10),
/// in the quiz format. Kept under grader/, so neither the learner pack nor the site ever contains it.
/// </summary>
public sealed class ExamBank
{
    private ExamBank(IReadOnlyDictionary<int, IReadOnlyList<QuizQuestion>> pools) => Pools = pools;

    /// <summary>Questions per pool: days 1–9, and 10 for the general questions.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<QuizQuestion>> Pools { get; }

    public static string FolderOf(CourseLayout layout) => Path.Combine(layout.Root, "grader", "exam-bank");

    /// <summary>Reads every pool file; any format error is bad input naming the file and line.</summary>
    public static ExamBank Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new CourseInputException($"{folder}: exam bank folder not found");
        var pools = new Dictionary<int, IReadOnlyList<QuizQuestion>>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            int? pool = name == "general" ? 10 : name.StartsWith("day", StringComparison.Ordinal) && int.TryParse(name[3..], out var d) ? d : null;
            if (pool is null) continue;
            var quiz = QuizParser.ParseFile(path);
            if (quiz.Errors.Count > 0) throw new CourseInputException(quiz.Errors[0]);
            var wrongDay = quiz.Questions.FirstOrDefault(q => q.Day != pool);
            if (wrongDay is not null) throw new CourseInputException($"{path}:{wrongDay.Line}: {wrongDay.Id} belongs to another day's file");
            pools[pool.Value] = quiz.Questions;
        }
        return new ExamBank(pools);
    }

    /// <summary>Every question id across the pools.</summary>
    public IReadOnlyDictionary<string, QuizQuestion> ById() =>
        Pools.Values.SelectMany(q => q).ToDictionary(q => q.Id);
}
