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
        foreach (var day in grader.Manifest.GradableDays) await grader.Cache.GetAsync(day);
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
