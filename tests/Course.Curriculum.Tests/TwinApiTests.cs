using Course.Grader.Checks;
using Course.Grader.Consistency;

namespace Course.Curriculum.Tests;

/// <summary>Stub and solution twins: identical files and identical public API (Roslyn), the contract the grader's assembly swap relies on.</summary>
public sealed class TwinApiTests
{
    [Theory]
    [MemberData(nameof(Repo.AvailableDays), MemberType = typeof(Repo))]
    public void Stubs_and_solutions_have_the_same_files_and_public_api(int day)
    {
        var d = Repo.Manifest.Day(day);

        var finding = TwinsMatchCheck.Compare(Path.Combine(Repo.Layout.ExercisesDir, d.Project!), Path.Combine(Repo.Layout.SolutionsDir, d.Project!), d.Label);

        finding.Ok.Should().BeTrue(finding.Detail);
    }

    [Fact]
    public void The_api_surface_sees_signature_changes_but_not_bodies_or_comments()
    {
        var dir = Directory.CreateTempSubdirectory("course-api").FullName;
        var a = Path.Combine(dir, "a"); var b = Path.Combine(dir, "b");
        Directory.CreateDirectory(a); Directory.CreateDirectory(b);
        File.WriteAllText(Path.Combine(a, "X.cs"), "namespace N; public static class X { /// doc\n public static int F(int x) => throw new System.NotImplementedException(\"hint\"); private static int G() => 1; }");
        File.WriteAllText(Path.Combine(b, "X.cs"), "namespace N; public static class X { public static int F(int x) { return x * 2; } static int H() => 2; }");

        PublicApiSurface.Differences(PublicApiSurface.Of(a), PublicApiSurface.Of(b)).Should().BeEmpty();

        File.WriteAllText(Path.Combine(b, "X.cs"), "namespace N; public static class X { public static long F(int x) => x; }");
        PublicApiSurface.Differences(PublicApiSurface.Of(a), PublicApiSurface.Of(b))
            .Should().Equal("- N.X.public static int F ( int x )", "+ N.X.public static long F ( int x )");
    }
}
