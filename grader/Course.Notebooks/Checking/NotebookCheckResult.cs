namespace Course.Notebooks.Checking;

/// <summary>One notebook's outcome in `course check`: valid and executed against the solutions, or why not.</summary>
/// <param name="Notebook">Path relative to the course root, e.g. curriculum/day01-mlp-backprop/notebook.ipynb.</param>
/// <param name="Problem">One line (file, cell, line, message) when it failed; null when it passed.</param>
public sealed record NotebookCheckResult(string Notebook, bool Passed, string? Problem, int CodeCells, TimeSpan Elapsed);
