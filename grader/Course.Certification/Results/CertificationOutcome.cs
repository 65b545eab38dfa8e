namespace Course.Certification.Results;

/// <summary>合格 (pass), 優 (distinction: a pass with a total at or above the distinction mark) or 不合格 (fail).</summary>
public enum CertificationResult
{
    Fail,
    Pass,
    Distinction,
}

/// <summary>One learner's certification: component scores, weighted total, result with the conditions it failed, dense rank and awards.</summary>
public sealed record CertificationOutcome(
    LearnerComponents Learner,
    double Total,
    CertificationResult Result,
    IReadOnlyList<string> FailedConditions,
    int Rank,
    IReadOnlyList<string> Awards)
{
    public static string Label(CertificationResult result) => result switch
    {
        CertificationResult.Distinction => "優",
        CertificationResult.Pass => "合格",
        _ => "不合格",
    };

    public static string Code(CertificationResult result) => result switch
    {
        CertificationResult.Distinction => "distinction",
        CertificationResult.Pass => "pass",
        _ => "fail",
    };
}
