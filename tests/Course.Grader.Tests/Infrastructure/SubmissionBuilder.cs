namespace Course.Grader.Tests.Infrastructure;

/// <summary>
/// A real submission on disk: a copy of a course's solutions/ or exercises/ day folders in a temp folder, with
/// files a test can overwrite (to break, mutate or make hostile one day).
/// </summary>
public sealed class SubmissionBuilder : IDisposable
{
    private SubmissionBuilder(string path) => Path = path;

    public string Path { get; }

    public static SubmissionBuilder FromSolutions(string courseRoot) => From(courseRoot, "solutions");

    public static SubmissionBuilder FromExercises(string courseRoot) => From(courseRoot, "exercises");

    public static SubmissionBuilder From(string courseRoot, string implementation)
    {
        var target = RepoPaths.NewTempDir("course-sub");
        var source = System.IO.Path.Combine(courseRoot, implementation);
        foreach (var day in Directory.EnumerateDirectories(source, "Day??"))
            RepoPaths.CopyTree(day, System.IO.Path.Combine(target, System.IO.Path.GetFileName(day)));
        return new SubmissionBuilder(target);
    }

    /// <summary>Overwrites (or adds) a file, e.g. Write("Day01/Arithmetic.cs", "…").</summary>
    public SubmissionBuilder Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
