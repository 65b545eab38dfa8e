using Course.Grader.Grading;
using Course.Model;

[assembly: AssemblyFixture(typeof(Course.Grader.Tests.Infrastructure.MiniCourseFixture))]

namespace Course.Grader.Tests.Infrastructure;

/// <summary>
/// The fixture course (two tiny days) copied once to a temp folder, with its test builds cached once for every test
/// (the first grading builds them; the rest reuse .course/cache).
/// </summary>
public sealed class MiniCourseFixture : IAsyncLifetime
{
    public string Root { get; } = RepoPaths.NewTempDir("course-mini");

    public CourseLayout Layout => new(Root);

    public SubmissionGrader Grader => new(Layout);

    /// <summary>Short limits so hostile submissions cost seconds, not minutes; wide enough for a loaded 2-core machine.</summary>
    public GradeOptions Options { get; } = new() { DayTimeout = TimeSpan.FromSeconds(30), TestTimeout = TimeSpan.FromSeconds(6) };

    public async ValueTask InitializeAsync()
    {
        RepoPaths.CopyTree(RepoPaths.MiniCourseSource, Root);
        var grader = Grader;
        FirstBuild = await grader.Cache.BuildMissingAsync(grader.Manifest.GradableDays.ToList());
    }

    /// <summary>The days the fixture's first (cold) cache build built, in one MSBuild run.</summary>
    public IReadOnlyList<string> FirstBuild { get; private set; } = [];

    /// <summary>
    /// A copy of the fixture course in a new temp folder whose cache stamps point at this fixture's cached builds, so
    /// grading the copy reuses them (they are read, never rebuilt, while the copy's inputs stay the same).
    /// </summary>
    public string CopyWithCachedBuilds(string prefix)
    {
        var root = RepoPaths.NewTempDir(prefix);
        RepoPaths.CopyTree(Root, root);
        foreach (var day in Directory.EnumerateDirectories(Path.Combine(Root, ".course", "cache"), "Day??"))
        {
            Directory.CreateDirectory(Path.Combine(root, ".course", "cache", Path.GetFileName(day)));
            File.Copy(Path.Combine(day, "stamp.json"), Path.Combine(root, ".course", "cache", Path.GetFileName(day), "stamp.json"));
        }
        return root;
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
