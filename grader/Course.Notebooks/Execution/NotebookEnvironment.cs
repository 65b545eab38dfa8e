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

    /// <param name="courseRoot">The course to run against (default: the first course root above the notebook).</param>
    /// <param name="day">The day whose code the cells call (default: from the notebook's dayNN-* folder).</param>
    public static ExecutorOptions Resolve(string notebookPath, string against, Action<string>? log = null, string? cacheRoot = null,
        string? courseRoot = null, int? day = null)
    {
        if (against is not ("solutions" or "exercises") && !Directory.Exists(against))
        {
            throw new DirectoryNotFoundException($"--against {against}: not 'solutions', 'exercises' or an existing folder.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var root = courseRoot is not null ? CourseLayout.Resolve(courseRoot).Root : CourseLayout.TryDiscover(folder)?.Root;
        day ??= CourseLayout.DayOf(notebookPath);
        if (root is null || day is null)
        {
            // A notebook outside the course tree still runs, with the engine only; say how to give it a day's code.
            log?.Invoke($"{Path.GetFileName(notebookPath)}: {(root is null ? "not inside a course (no curriculum/course.json above it)" : "not in a curriculum/dayNN-* folder")}, " +
                "so cells see the engine only; to call a day's exercises pass --course-root <course folder> and --day N");
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
