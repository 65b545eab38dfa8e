using System.CommandLine;
using Course.Model;

namespace Course.Cli;

/// <summary>
/// --course-root, the one definition every command uses: the course (repo, pack or fixture); default: the COURSE_ROOT
/// environment variable, else found by walking up from the current folder.
/// </summary>
public static class CourseRootOption
{
    public static Option<string?> Create() => new("--course-root") { Description = $"course root holding curriculum/course.json (default: ${CourseLayout.RootVariable}, else found from the current folder)" };

    public static CourseLayout Resolve(string? value) =>
        CourseLayout.Resolve(value);
}
