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
    public void A_cached_build_is_reused_while_the_sources_content_is_unchanged_whatever_their_times()
    {
        var root = FixtureNotebooks.TempFolder();
        var project = Path.Combine(root, "solutions", "Day01");
        Directory.CreateDirectory(project);
        var source = Path.Combine(project, "Day01.csproj");
        File.WriteAllText(source, "<Project />");
        var cache = Path.Combine(root, "cache");
        var builder = new DayAssemblyBuilder(root, cache);
        var implementation = Implementation.Parse("solutions", root);
        var dll = builder.CachedDllPath(implementation, "Day01");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllText(dll, "not really an assembly");
        File.WriteAllText(DayAssemblyBuilder.StampPath(dll), builder.SourcesHash(implementation, "Day01"));

        builder.EnsureBuilt(implementation, "Day01").Should().Be(dll, "the stamp matches (a build of this fake project would fail)");
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(5));
        builder.EnsureBuilt(implementation, "Day01").Should().Be(dll, "a newer modification time with the same content is not a change");

        File.WriteAllText(source, "<Project></Project>");
        var act = () => builder.EnsureBuilt(implementation, "Day01");
        act.Should().Throw<InvalidOperationException>("changed content triggers a build, which fails on this empty project")
            .Which.Message.Should().StartWith($"{source}: build failed");
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
