using System.Reflection;

namespace Course.Grader.Tests.Infrastructure;

/// <summary>Where the repository and the fixture course are (baked in at build time: tests run from /tmp artifacts folders).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CourseRoot").Value!);

    public static string MiniCourseSource => Path.Combine(Root, "tests", "Course.Grader.Tests", "Fixtures", "MiniCourse");

    /// <summary>The `course` CLI built next to this test assembly.</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "course.dll");

    public static string NewTempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
        foreach (var d in Directory.EnumerateDirectories(from))
            if (Path.GetFileName(d) is not ("bin" or "obj" or ".course")) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
