using Course.Model.Checks;

namespace Course.Notebooks.Checking;

/// <summary>
/// <c>course check</c> part: every curriculum/dayNN-*/notebook.ipynb is valid nbformat and runs top to bottom against
/// the reference implementation (in memory; files untouched). One finding per notebook.
/// </summary>
public sealed class NotebooksCourseCheck : ICourseCheck
{
    public string Name => "notebooks";

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
    {
        var days = context.Days is null ? null : context.Layout.LoadManifest().Days.Where(context.Covers).Select(d => context.Layout.DayFolder(d)).ToList();
        var results = await NotebookCheck.RunAllAsync(context.Layout.Root, context.Layout.ReferenceImplementation, message => context.Progress?.Report(message), cancel,
            path => days is null || days.Any(folder => path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
        if (results.Count == 0) return [new CheckFinding(Name, "curriculum/day*/notebook.ipynb", true, "no notebooks yet")];
        return results.Select(r => new CheckFinding(Name, r.Notebook, r.Passed,
            r.Passed ? $"{r.CodeCells} code cells ran in {r.Elapsed.TotalSeconds:0.0} s" : r.Problem ?? "failed")).ToList();
    }
}
