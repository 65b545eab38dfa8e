namespace Course.Certification.Results;

/// <summary>
/// What one learner brings to the certification: the nine day scores (hidden-test grading, 0–100 each), the
/// knowledge test (correct answers overall and per pool), the technical test (0–100, zero when late) and the T6
/// held-out accuracy, plus whether every hidden test of Days 1–9 passed.
/// </summary>
public sealed record LearnerComponents(
    string LearnerId,
    string Name,
    IReadOnlyDictionary<int, double> DayScores,
    int KnowledgeCorrect,
    int KnowledgeAsked,
    IReadOnlyDictionary<int, int> KnowledgeCorrectByPool,
    double Technical,
    bool TechnicalLate,
    double? ModelAccuracy,
    bool AllHiddenTestsPassed)
{
    /// <summary>Mean of the nine day scores (a missing day counts 0).</summary>
    public double Coursework => Enumerable.Range(1, 9).Average(d => DayScores.GetValueOrDefault(d));

    /// <summary>Knowledge test as a percentage.</summary>
    public double Knowledge => KnowledgeAsked == 0 ? 0 : 100.0 * KnowledgeCorrect / KnowledgeAsked;
}
