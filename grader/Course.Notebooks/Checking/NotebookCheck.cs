using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Checking;

/// <summary>
/// The notebook part of `course check`: every curriculum/dayNN-*/notebook.ipynb must be valid
/// nbformat and must run top to bottom against the reference solutions. Notebooks are executed
/// in memory; the files on disk are not touched.
/// </summary>
public static class NotebookCheck
{
    public static IEnumerable<string> FindNotebooks(string courseRoot)
    {
        var curriculum = Path.Combine(courseRoot, "curriculum");
        if (!Directory.Exists(curriculum)) return [];
        return Directory.EnumerateDirectories(curriculum, "day*")
            .Select(dir => Path.Combine(dir, "notebook.ipynb"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
    }

    public static async Task<IReadOnlyList<NotebookCheckResult>> RunAllAsync(string courseRoot, string against = "solutions", Action<string>? log = null, CancellationToken cancellation = default,
        Func<string, bool>? include = null)
    {
        var results = new List<NotebookCheckResult>();
        foreach (var path in FindNotebooks(courseRoot).Where(p => include is null || include(p)))
        {
            results.Add(await CheckOneAsync(courseRoot, path, against, log, cancellation));
        }

        return results;
    }

    /// <summary>Synchronous wrapper for callers without async plumbing.</summary>
    public static IReadOnlyList<NotebookCheckResult> RunAll(string courseRoot, string against = "solutions", Action<string>? log = null) =>
        RunAllAsync(courseRoot, against, log).GetAwaiter().GetResult();

    public static async Task<NotebookCheckResult> CheckOneAsync(string courseRoot, string path, string against, Action<string>? log, CancellationToken cancellation)
    {
        var relative = Path.GetRelativePath(courseRoot, path);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Load(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookCheckResult(relative, false, e.Message.Replace(path, relative, StringComparison.Ordinal), 0, watch.Elapsed);
        }

        var codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code);
        try
        {
            var options = NotebookEnvironment.Resolve(path, against, log);
            var run = await NotebookRunner.RunAsync(notebook, options, cancellation: cancellation);
            log?.Invoke($"{relative}: {(run.Succeeded ? "ok" : "FAILED")} ({codeCells} code cells, {run.Elapsed.TotalSeconds:0.0} s)");
            return new NotebookCheckResult(relative, run.Succeeded, run.Failure is null ? null : $"{relative}: {run.Failure}", codeCells, watch.Elapsed);
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException or IOException)
        {
            return new NotebookCheckResult(relative, false, $"{relative}: {e.Message}", codeCells, watch.Elapsed);
        }
    }
}
