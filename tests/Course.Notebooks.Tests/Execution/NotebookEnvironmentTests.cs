using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Execution;

/// <summary>What a notebook runs against, and the one line it prints when it cannot tell.</summary>
public sealed class NotebookEnvironmentTests
{
    [Fact]
    public void A_notebook_outside_any_course_runs_with_the_engine_only_and_says_how_to_point_it_at_a_course()
    {
        var folder = Directory.CreateTempSubdirectory("course-loose-notebook-").FullName;
        try
        {
            var log = new List<string>();

            var options = NotebookEnvironment.Resolve(Path.Combine(folder, "downloaded.ipynb"), "exercises", log.Add);

            options.References.Should().BeEmpty();
            options.WorkingDirectory.Should().Be(folder);
            log.Should().ContainSingle().Which.Should()
                .Be("downloaded.ipynb: not inside a course (no curriculum/course.json above it), so cells see the engine only; to call a day's exercises pass --course-root <course folder> and --day N");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_against_folder_is_named()
    {
        var act = () => NotebookEnvironment.Resolve("/tmp/x.ipynb", "/no/such/submission");

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("--against /no/such/submission: not 'solutions', 'exercises' or an existing folder.");
    }
}
