using System.Diagnostics;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// Runs a notebook's code cells top to bottom in one <see cref="CellExecutor"/> session and
/// writes outputs and execution counts into the cells. Stops at the first failing cell (its error
/// output stays in the notebook); cells after it are cleared, so no stale output survives.
/// </summary>
public static class NotebookRunner
{
    public static async Task<NotebookRunResult> RunAsync(Notebook notebook, ExecutorOptions options, IProgress<CellProgress>? progress = null, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        var executor = new CellExecutor(options);
        var times = new List<TimeSpan>();
        var codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code);
        var codeIndex = 0;
        CellFailure? failure = null;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code) continue;
            cell.Outputs.Clear();
            if (failure is not null)
            {
                cell.ExecutionCount = null;
                continue;
            }

            codeIndex++;
            progress?.Report(new CellProgress(i + 1, codeIndex, codeCells, null));
            var result = await executor.ExecuteAsync(cell.Source, i + 1, cancellation: cancellation);
            cell.ExecutionCount = executor.ExecutionCount;
            cell.Outputs.AddRange(result.Outputs);
            times.Add(result.Elapsed);
            progress?.Report(new CellProgress(i + 1, codeIndex, codeCells, result));
            failure = result.Failure;
        }

        return new NotebookRunResult(notebook, failure, times, watch.Elapsed);
    }
}
