using Course.Grader.Results;

namespace Course.Certification.Results;

/// <summary>What became of one certification component (knowledge answers or technical test) of a learner.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SnakeCaseEnumConverter<ComponentStatus>))]
public enum ComponentStatus
{
    /// <summary>Nothing was handed in: the component scores 0.</summary>
    NotSubmitted,

    /// <summary>Scored on its merits.</summary>
    Scored,

    /// <summary>Handed in after the deadline: scores 0, and fails the technical pass condition.</summary>
    Late,

    /// <summary>Its start token did not verify (another learner's, another cohort's, or not the instructor's): scores 0.</summary>
    Rejected,
}
