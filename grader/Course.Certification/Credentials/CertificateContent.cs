namespace Course.Certification.Credentials;

/// <summary>What a certificate states about one learner (the printable page and the signed credential say the same).</summary>
public sealed record CertificateContent(
    string Cohort,
    string LearnerId,
    string LearnerName,
    string CourseTitleJa,
    string CourseTitleEn,
    string InstructorName,
    string IssuerId,
    DateTimeOffset Issued,
    double Coursework,
    double Knowledge,
    double Technical,
    double Total,
    string Result,
    IReadOnlyList<string> Awards,
    string ResultsSha256)
{
    /// <summary><c>&lt;cohort&gt;-&lt;learner&gt;-&lt;first 8 hex of the results hash&gt;</c>.</summary>
    public string CertificateId => $"{Cohort}-{LearnerId}-{ResultsSha256[..8]}";

    /// <summary>The line every certificate carries: this course is not a JDLA qualification.</summary>
    public const string Disclaimer =
        "本修了証は本コースの修了を示すものであり、JDLAによる資格認定ではありません。/ This certificate records completion of this course; it is not a JDLA qualification.";
}
