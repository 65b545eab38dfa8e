using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>Outcome of running a whole notebook.</summary>
public sealed record NotebookRunResult(Notebook Notebook, CellFailure? Failure, IReadOnlyList<TimeSpan> CellTimes, TimeSpan Elapsed)
{
    public bool Succeeded => Failure is null;
}
