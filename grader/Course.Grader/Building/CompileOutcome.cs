namespace Course.Grader.Building;

/// <summary>A compiler message at a learner's file and line.</summary>
public sealed record SourceMessage(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Result of compiling one day of a submission: the assembly bytes, or why there are none.</summary>
public sealed record CompileOutcome(
    byte[]? Assembly,
    IReadOnlyList<SourceMessage> Errors,
    IReadOnlyList<SourceMessage> Warnings)
{
    public bool Succeeded => Assembly is not null;
}
