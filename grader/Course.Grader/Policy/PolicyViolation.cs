namespace Course.Grader.Policy;

/// <summary>A forbidden API use in a learner's source, with the reason shown to the learner.</summary>
public sealed record PolicyViolation(string File, int Line, string Api, string Reason)
{
    public override string ToString() => $"{File}:{Line}: forbidden API '{Api}' ({Reason})";
}
