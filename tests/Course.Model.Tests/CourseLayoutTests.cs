namespace Course.Model.Tests;

public sealed class CourseLayoutTests
{
    private static readonly string RepoRoot = typeof(CourseLayoutTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "CourseRoot").Value!;

    [Fact]
    public void Discover_walks_up_from_a_nested_folder_to_the_course_root()
    {
        var nested = Path.Combine(RepoRoot, "curriculum", "day01-mlp-backprop", "assets");

        CourseLayout.Discover(nested).Root.Should().Be(Path.TrimEndingDirectorySeparator(Path.GetFullPath(RepoRoot)));
    }

    [Fact]
    public void Discover_outside_any_course_names_the_folder_and_both_ways_to_point_at_a_course()
    {
        using var temp = new TempFolder();

        var act = () => CourseLayout.Discover(temp.Path);

        act.Should().Throw<CourseInputException>()
            .WithMessage($"{temp.Path}: no course root above this folder*--course-root*COURSE_ROOT*");
    }

    [Fact]
    public void Resolve_prefers_the_option_then_the_environment_then_discovery()
    {
        using var other = new TempFolder();
        other.Write("curriculum/course.json", "{}");

        CourseLayout.Resolve(other.Path, start: RepoRoot).Root.Should().Be(other.Path);
        CourseLayout.Resolve(null, start: RepoRoot).Root.Should().Be(Path.TrimEndingDirectorySeparator(Path.GetFullPath(RepoRoot)));
    }

    [Fact]
    public void Resolve_with_a_missing_folder_says_which_option_is_wrong()
    {
        var act = () => CourseLayout.Resolve("/no/such/course");

        act.Should().Throw<CourseInputException>().WithMessage("/no/such/course: --course-root folder not found");
    }

    [Theory]
    [InlineData("curriculum/day03-optimisation/notebook.ipynb", 3)]
    [InlineData("curriculum/day10-certification/quiz.md", 10)]
    [InlineData("curriculum/glossary.md", null)]
    [InlineData("elsewhere/dayXY-nothing/notebook.ipynb", null)]
    public void DayOf_reads_the_day_from_the_folder_name(string path, int? day) =>
        CourseLayout.DayOf(path).Should().Be(day);
}
