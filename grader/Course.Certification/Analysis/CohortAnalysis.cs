using System.Globalization;
using Course.Certification.Knowledge;
using Course.Certification.Results;
using Course.Certification.Similarity;
using Course.Model;
using Course.Model.Files;

namespace Course.Certification.Analysis;

/// <summary>The analyses of one certify run and the line the command prints about them.</summary>
public sealed record CohortAnalysisResult(ItemAnalysisResult Items, SimilarityReport? Similarity, string Summary);

/// <summary>
/// What <c>course certify</c> writes beside summary.csv for the instructor: <c>items.csv</c> (the knowledge test's
/// item analysis), <c>similarity.html</c> (code similarity per day and for the technical test) and <c>cohort.html</c>
/// (the cohort page that brings them together with the results).
/// </summary>
public static class CohortAnalysis
{
    public const string ItemsFile = "items.csv";
    public const string SimilarityFile = "similarity.html";
    public const string CohortFile = "cohort.html";

    /// <param name="roster">Every learner folder of the roster (also skipped ones: their code can still be compared).</param>
    public static CohortAnalysisResult Write(string outDir, string cohort, string title, CertificationSettings settings, ExamBank bank,
        IReadOnlyList<CertificationOutcome> outcomes, IReadOnlyDictionary<string, KnowledgeScore?> knowledge, IReadOnlyDictionary<string, string> skipped,
        IReadOnlyList<(string Id, string Folder)> roster, CourseLayout layout)
    {
        var papers = outcomes.Select(o => o.Learner.LearnerId)
            .Where(id => knowledge.GetValueOrDefault(id) is not null).Select(id => (id, knowledge[id]!)).ToList();
        var items = ItemAnalysis.Analyse(papers, bank.ById());
        AtomicFile.WriteAllText(Path.Combine(outDir, ItemsFile), ItemAnalysis.Csv(items));

        SimilarityReport? similarity = null;
        var names = outcomes.ToDictionary(o => o.Learner.LearnerId, o => o.Learner.Name);
        try
        {
            similarity = ClassSimilarity.Analyse(roster, layout.ExercisesDir, solutionsDir: layout.SolutionsDir);
            AtomicFile.WriteAllText(Path.Combine(outDir, SimilarityFile), SimilarityPage.Render(similarity, cohort, id => names.GetValueOrDefault(id, id)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The comparison is advice to the instructor: the certificates are already written and must not be lost to it.
            Console.Error.WriteLine($"warning: code similarity not computed: {e.Message}");
        }

        AtomicFile.WriteAllText(Path.Combine(outDir, CohortFile),
            CohortPage.Render(new CohortPageInput(cohort, title, settings, outcomes, knowledge, skipped, items, similarity, SimilarityFile)));

        var kr20 = items.Kr20 is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—";
        var summary = $"knowledge test: {items.Questions.Count} questions, KR-20 {kr20}, {items.Flagged.Count} with negative discrimination; " +
                      (similarity is null ? "code similarity not computed" :
                          $"code similarity: {similarity.Flagged.Count} pair(s) and {similarity.ReferenceMatches.Count} match(es) with the reference solution " +
                          $"at ≥ {100 * similarity.Settings.Threshold:0}%") + $": {Path.Combine(outDir, CohortFile)}";
        return new CohortAnalysisResult(items, similarity, summary);
    }
}
