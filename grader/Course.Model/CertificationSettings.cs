namespace Course.Model;

/// <summary>
/// The <c>certification</c> block of course.json: how coursework, the knowledge test and the technical test are
/// weighted, the pass conditions, and the shape of the knowledge-test draw.
/// </summary>
public sealed record CertificationSettings(
    CertificationWeights Weights,
    double KnowledgePass,
    double TechnicalPass,
    double PassMark,
    double DistinctionMark,
    int KnowledgeQuestionsPerDay,
    int KnowledgeMinutes,
    int TechnicalMinutes);

/// <summary>Shares of the weighted total; they sum to 1.</summary>
public sealed record CertificationWeights(double Coursework, double Knowledge, double Technical);
