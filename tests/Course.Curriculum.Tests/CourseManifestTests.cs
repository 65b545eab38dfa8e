using System.Text.RegularExpressions;

namespace Course.Curriculum.Tests;

/// <summary>curriculum/course.json agrees with itself and with the folders on disk.</summary>
public sealed partial class CourseManifestTests
{
    [Fact]
    public void Ten_days_numbered_in_order_with_unique_slugs_and_matching_folders()
    {
        var m = Repo.Manifest;

        m.Days.Select(d => d.Day).Should().Equal(Enumerable.Range(1, 10));
        m.Days.Select(d => d.Slug).Should().OnlyHaveUniqueItems();
        m.Days.Should().OnlyContain(d => d.Folder == $"curriculum/day{d.Day:00}-{d.Slug}", "folder = curriculum/dayNN-<slug>");
        m.Days.Should().OnlyContain(d => d.Title.Ja.Length > 0 && d.Title.En.Length > 0);
    }

    [Fact]
    public void Grading_settings_are_sane()
    {
        var g = Repo.Manifest.Grading;

        (g.PublicShare + g.HiddenShare).Should().BeApproximately(1.0, 1e-12);
        g.PublicShare.Should().Be(0.3);
        g.DayTimeoutSeconds.Should().BePositive();
        g.TestTimeoutSeconds.Should().BePositive().And.BeLessThan(g.DayTimeoutSeconds);
        g.MemoryLimitMb.Should().BeGreaterThanOrEqualTo(256);
    }

    [Theory]
    [MemberData(nameof(Repo.AvailableDays), MemberType = typeof(Repo))]
    public void An_available_day_has_100_points_split_over_exercises_numbered_by_day(int day)
    {
        var d = Repo.Manifest.Day(day);

        d.Project.Should().Be($"Day{day:00}");
        d.Points.Should().Be(100);
        d.Exercises.Sum(e => e.Points).Should().Be(100);
        d.Exercises.Select(e => e.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => Regex.IsMatch(id, $"^{day}\\.\\d+$"));
    }

    [Theory]
    [MemberData(nameof(Repo.AvailableDays), MemberType = typeof(Repo))]
    public void An_available_day_has_its_stub_solution_public_and_hidden_test_projects(int day)
    {
        var layout = Repo.Layout;
        var d = Repo.Manifest.Day(day);

        File.Exists(Path.Combine(layout.ExercisesDir, d.Project!, $"{d.Project}.csproj")).Should().BeTrue();
        File.Exists(Path.Combine(layout.SolutionsDir, d.Project!, $"{d.Project}.csproj")).Should().BeTrue();
        File.Exists(layout.PublicTestsProject(d)).Should().BeTrue();
        File.Exists(layout.HiddenTestsProject(d)).Should().BeTrue();
        Directory.Exists(Path.Combine(Repo.Root, d.Folder)).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Repo.AvailableDays), MemberType = typeof(Repo))]
    public void Forbidden_engine_apis_name_engine_types_or_namespaces(int day)
    {
        var d = Repo.Manifest.Day(day);

        d.ForbiddenEngineApis.Should().OnlyContain(api => ApiName().IsMatch(api), "entries look like Course.Engine.X.Y, Course.Engine.X.*, Course.Engine.X @ File.cs or Course.Engine.X @ !File.cs");
    }

    [GeneratedRegex(@"^Course\.Engine(\.[A-Z][A-Za-z0-9]*)+(\.\*)?( @ !?[A-Za-z0-9]+\.cs)?$")]
    private static partial Regex ApiName();
}
