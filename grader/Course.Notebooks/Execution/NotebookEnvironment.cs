using Course.Notebooks.Building;
using Course.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// Works out what a notebook file runs against: its day (from the dayNN-* folder), the
/// implementation's Course.DayNN assembly (built on demand), and the working directory
/// (the notebook's folder, so relative paths like assets/ work).
/// </summary>
public static class NotebookEnvironment
{
    /// <summary>The env var the kernel reads for its default implementation.</summary>
    public const string AgainstVariable = "COURSE_NOTEBOOK_AGAINST";

    public static ExecutorOptions Resolve(string notebookPath, string against, Action<string>? log = null, string? cacheRoot = null)
    {
        if (against is not ("solutions" or "exercises") && !Directory.Exists(against))
        {
            throw new DirectoryNotFoundException($"--against {against}: not 'solutions', 'exercises' or an existing folder.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var root = CourseLayout.TryDiscover(folder)?.Root;
        var day = CourseLayout.DayOf(notebookPath);
        if (root is null || day is null)
        {
            // A notebook outside the course tree still runs, with the engine only.
            return new ExecutorOptions { WorkingDirectory = folder };
        }

        var project = $"Day{day:00}";
        var implementation = Implementation.Parse(against, root);
        var dll = new DayAssemblyBuilder(root, cacheRoot).EnsureBuilt(implementation, project, log);
        return dll is null
            ? new ExecutorOptions { WorkingDirectory = folder }
            : new ExecutorOptions { References = [dll], Imports = [$"Course.{project}"], WorkingDirectory = folder };
    }
}
