using System.CommandLine;
using Course.Grader.Manifest;

namespace Course.Cli;

/// <summary>--course-root: the course (repo, pack or fixture); default: found by walking up from the current folder.</summary>
public static class CourseRootOption
{
    public static Option<string?> Create() => new("--course-root") { Description = "course root holding curriculum/course.json (default: found from the current folder)" };

    public static CourseLayout Resolve(string? value) =>
        value is null ? CourseLayout.Discover(Directory.GetCurrentDirectory()) : new CourseLayout(value);
}
