namespace Course.Certification.Results;

/// <summary>
/// What one learner brings to the certification: the day scores (hidden-test grading, 0–100 each, one per day the
/// course grades; a day the learner did not hand in is there with 0), the
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
    /// <summary>Mean of the day scores: over Days 1–9 in the full course, over the days it grades while it is being built.</summary>
    public double Coursework => DayScores.Count == 0 ? 0 : DayScores.Values.Average();

    /// <summary>Knowledge test as a percentage.</summary>
    public double Knowledge => KnowledgeAsked == 0 ? 0 : 100.0 * KnowledgeCorrect / KnowledgeAsked;
}
