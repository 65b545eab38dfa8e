namespace Course.Certification.Knowledge;

/// <summary>One answered (or not) question: what the learner marked as shown, what that means in the bank, and the verdict.</summary>
public sealed record ScoredItem(string PaperId, string QuestionId, int Pool, char? Shown, char? BankLetter, bool Correct);

/// <summary>Points per pool (Days 1–9, 10 = general).</summary>
public sealed record PoolScore(int Pool, int Correct, int Asked)
{
    /// <summary>Below half right: flagged 要復習 (review) in the report; never a fail by itself.</summary>
    public bool NeedsReview => Asked > 0 && Correct * 2 < Asked;
}

/// <summary>
/// A learner's knowledge-test result: one point per correct answer, blank and malformed rows score 0 and are listed
/// in <see cref="Problems"/> (never an error), no negative marking.
/// </summary>
public sealed record KnowledgeScore(IReadOnlyList<ScoredItem> Items, IReadOnlyList<PoolScore> Pools, IReadOnlyList<string> Problems)
{
    public int Correct => Items.Count(i => i.Correct);
    public int Asked => Items.Count;
    public double Share => Asked == 0 ? 0 : (double)Correct / Asked;

    /// <summary>Scores answers.csv text (<c>question_id,choice</c>; letters as shown on this learner's paper).</summary>
    public static KnowledgeScore Score(KnowledgePaper paper, string answersCsv, string sourceName = "answers.csv")
    {
        var problems = new List<string>();
        var shown = new Dictionary<string, char>();
        var byId = paper.Items.ToDictionary(i => PaperRenderer.PaperId(i.Position));
        var lines = answersCsv.Replace("\r\n", "\n").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || (n == 0 && line.Replace(" ", "").Equals(PaperRenderer.AnswersHeader, StringComparison.OrdinalIgnoreCase))) continue;
            var at = $"{sourceName}:{n + 1}";
            var cells = line.Split(',');
            if (cells.Length != 2) { problems.Add($"{at}: expected 'question_id,choice', got '{Clip(line)}' (scored 0)"); continue; }
            var id = cells[0].Trim().ToUpperInvariant();
            var choice = cells[1].Trim().ToUpperInvariant();
            if (!byId.ContainsKey(id)) { problems.Add($"{at}: '{Clip(cells[0].Trim())}' is not a question on this paper (ignored)"); continue; }
            if (choice.Length == 0) continue;
            if (choice.Length != 1 || choice[0] is < 'A' or > 'D') { problems.Add($"{at}: {id}: '{Clip(cells[1].Trim())}' is not one of A–D (scored 0)"); continue; }
            if (!shown.TryAdd(id, choice[0])) { problems.Add($"{at}: {id} answered twice (the first answer counts)"); }
        }

        var items = new List<ScoredItem>();
        foreach (var item in paper.Items)
        {
            var paperId = PaperRenderer.PaperId(item.Position);
            char? mark = shown.TryGetValue(paperId, out var c) ? c : null;
            if (mark is null && !problems.Any(p => p.Contains($": {paperId}:", StringComparison.Ordinal))) problems.Add($"{paperId}: blank (scored 0)");
            var bank = mark is { } m ? item.BankLetter(m) : (char?)null;
            items.Add(new ScoredItem(paperId, item.Question.Id, item.Question.Day, mark, bank, bank == item.Question.Answer.Letter));
        }

        var pools = items.GroupBy(i => i.Pool).OrderBy(g => g.Key)
            .Select(g => new PoolScore(g.Key, g.Count(i => i.Correct), g.Count())).ToList();
        return new KnowledgeScore(items, pools, problems);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
