using Course.Model;
using Course.Model.Quizzes;

namespace Course.Certification.Knowledge;

/// <summary>One question as printed on a learner's paper: its position, the bank question, and the options in shown order.</summary>
public sealed record PaperItem(int Position, QuizQuestion Question, IReadOnlyList<QuizOption> ShownOptions)
{
    /// <summary>The letter (A–D) under which the correct option appears on this paper.</summary>
    public char ShownAnswer => (char)('A' + ShownOptions.ToList().FindIndex(o => o.Correct));

    /// <summary>The bank letter of the option shown under <paramref name="shown"/>.</summary>
    public char BankLetter(char shown) => ShownOptions[shown - 'A'].Letter;
}

/// <summary>
/// A learner's knowledge-test paper: per pool of the exam bank (Days 1–9 and the general questions, as far as the
/// bank has them — a pool is added when its day is taught) the course.json number of questions, stratified so calculation and code-reading questions take their share; question order and option order
/// shuffled. Everything follows from (cohort, learner) and the bank, so the paper is never stored to be trusted.
/// </summary>
public sealed record KnowledgePaper(string Cohort, string Learner, IReadOnlyList<PaperItem> Items)
{
    public static KnowledgePaper Draw(ExamBank bank, string cohort, string learner, int perPool)
    {
        if (string.IsNullOrWhiteSpace(cohort) || string.IsNullOrWhiteSpace(learner))
            throw new CourseInputException("--cohort and --learner must not be empty");
        var seed = new PaperSeed(cohort, learner);
        if (bank.Pools.Count == 0) throw new CourseInputException("exam bank: no pool files (dayNN.md, general.md)");
        var drawn = new List<QuizQuestion>();
        foreach (var pool in bank.Pools.Keys.Order())
        {
            var questions = bank.Pools[pool];
            if (questions.Count < perPool)
                throw new CourseInputException(
                    $"exam bank: {(pool == 10 ? "general.md" : $"day{pool:00}.md")} has {questions.Count} questions, the draw needs {perPool}");
            drawn.AddRange(DrawStratified(questions, perPool, seed));
        }

        var items = seed.Shuffle(drawn)
            .Select((q, i) => new PaperItem(i + 1, q, seed.Shuffle(q.Options)))
            .ToList();
        return new KnowledgePaper(cohort, learner, items);
    }

    /// <summary>
    /// Calculation and code questions are drawn first, in proportion to their share of the pool (at least one when
    /// the pool has any), then knowledge questions fill the rest, so every paper tests application, not only recall.
    /// </summary>
    private static IEnumerable<QuizQuestion> DrawStratified(IReadOnlyList<QuizQuestion> pool, int count, PaperSeed seed)
    {
        var applied = seed.Shuffle(pool.Where(q => q.Tag != "知識"));
        var recall = seed.Shuffle(pool.Where(q => q.Tag == "知識"));
        var appliedCount = applied.Count == 0 ? 0 : Math.Clamp((int)Math.Round(count * (double)applied.Count / pool.Count), 1, Math.Min(count, applied.Count));
        appliedCount = Math.Max(appliedCount, count - recall.Count);
        return applied.Take(appliedCount).Concat(recall.Take(count - appliedCount));
    }

    public PaperItem Item(string questionId) =>
        Items.FirstOrDefault(i => i.Question.Id == questionId)
        ?? throw new KeyNotFoundException($"{questionId} is not on the paper of {Learner}");
}
