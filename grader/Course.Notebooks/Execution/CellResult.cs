using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>What one cell produced, in order, and whether it failed.</summary>
public sealed record CellResult(IReadOnlyList<CellOutput> Outputs, CellFailure? Failure, TimeSpan Elapsed)
{
    public bool Succeeded => Failure is null;
}
