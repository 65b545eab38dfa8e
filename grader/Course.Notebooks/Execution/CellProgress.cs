namespace Course.Notebooks.Execution;

/// <summary>Progress of a notebook run, one event per code cell before and after it runs.</summary>
public sealed record CellProgress(int Cell, int CodeCellIndex, int CodeCellCount, CellResult? Result);
