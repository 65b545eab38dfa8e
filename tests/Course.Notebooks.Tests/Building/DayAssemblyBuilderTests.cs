using Course.Notebooks.Building;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Building;

public sealed class DayAssemblyBuilderTests
{
    [Fact]
    public void Missing_day_project_means_no_assembly()
    {
        var root = FixtureNotebooks.TempFolder();
        Directory.CreateDirectory(Path.Combine(root, "solutions"));

        new DayAssemblyBuilder(root, Path.Combine(root, "cache")).EnsureBuilt(Implementation.Parse("solutions", root), "Day10").Should().BeNull();
    }

    [Fact]
    public void Cached_dll_newer_than_every_source_is_reused_without_building()
    {
        var root = FixtureNotebooks.TempFolder();
        var project = Path.Combine(root, "solutions", "Day01");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Day01.csproj"), "<Project />");
        File.SetLastWriteTimeUtc(Path.Combine(project, "Day01.csproj"), DateTime.UtcNow.AddMinutes(-5));
        var cache = Path.Combine(root, "cache");
        var builder = new DayAssemblyBuilder(root, cache);
        var implementation = Implementation.Parse("solutions", root);
        var dll = builder.CachedDllPath(implementation, "Day01");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllText(dll, "not really an assembly");

        builder.EnsureBuilt(implementation, "Day01").Should().Be(dll, "a fresh cached dll is reused (a build of this fake project would fail)");
        File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(-10));
        var act = () => builder.EnsureBuilt(implementation, "Day01");
        act.Should().Throw<InvalidOperationException>("a stale dll triggers a build, which fails on this empty project")
            .Which.Message.Should().StartWith($"{Path.Combine(project, "Day01.csproj")}: build failed");
    }

    [Fact]
    public void Against_accepts_solutions_exercises_or_an_existing_folder_only()
    {
        var root = FixtureNotebooks.TempFolder();

        Implementation.Parse("exercises", root).Should().Be(new Implementation("exercises", Path.Combine(root, "exercises")));
        Implementation.Parse(root, "/elsewhere").Directory.Should().Be(root);
        var act = () => Implementation.Parse("/no/such/submission", root);
        act.Should().Throw<DirectoryNotFoundException>().WithMessage("--against /no/such/submission: not 'solutions', 'exercises' or an existing folder.");
    }
}
