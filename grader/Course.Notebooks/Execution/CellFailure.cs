namespace Course.Notebooks.Execution;

/// <summary>
/// Why a cell stopped: a compile error or an exception, located in the cell's own lines.
/// <see cref="ToString"/> is the one-line report, e.g.
/// <c>cell 4, line 2: CS0103: The name 'x' does not exist in the current context</c>.
/// </summary>
/// <param name="Cell">1-based position of the cell in the notebook (markdown cells count).</param>
/// <param name="Line">1-based line within the cell, or null when no line is known.</param>
/// <param name="Kind">The compiler diagnostic id (CS0103) or the exception type name.</param>
public sealed record CellFailure(int Cell, int? Line, string Kind, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"cell {Cell}, line {line}: {Kind}: {Message}" : $"cell {Cell}: {Kind}: {Message}";
}
