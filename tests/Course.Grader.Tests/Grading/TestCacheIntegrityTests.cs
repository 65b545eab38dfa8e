using System.Text.Json.Nodes;
using Course.Grader.Building;
using Course.Grader.Tests.Infrastructure;
using Course.Model;

namespace Course.Grader.Tests.Grading;

/// <summary>The test cache is verified before use: an edited listing, a dropped hidden suite or a changed file is not trusted.</summary>
public sealed class TestCacheIntegrityTests(MiniCourseFixture course)
{
    /// <summary>A course copy whose stamps point at the fixture's cached builds (read, never written, by this test).</summary>
    private (CourseLayout Layout, string Stamp) CopyWithCache()
    {
        var root = course.CopyWithCachedBuilds("course-cache");
        return (new CourseLayout(root), Path.Combine(root, ".course", "cache", "Day01", "stamp.json"));
    }

    [Fact]
    public async Task A_cold_cache_builds_every_day_in_one_run_and_a_warm_one_builds_nothing()
    {
        course.FirstBuild.Should().Equal("Day01", "Day02");
        var solution = File.ReadAllText(Path.Combine(course.Root, ".course", "cache", "build.slnx"));
        solution.Split("<Project ").Should().HaveCount(5, "both days' public and hidden test projects are in the one build");
        var (layout, _) = CopyWithCache();
        var days = layout.LoadManifest().GradableDays.ToList();

        (await new TestCache(layout).BuildMissingAsync(days, cancel: TestContext.Current.CancellationToken)).Should().BeEmpty("the copy's stamps are current");
        days.Should().OnlyContain(d => new TestCache(layout).HasIntactBuild(d));
    }

    [Fact]
    public void An_untouched_cache_is_trusted()
    {
        var (layout, _) = CopyWithCache();
        var day = layout.LoadManifest().Day(1);

        new TestCache(layout).HasIntactBuild(day).Should().BeTrue();
    }

    [Theory]
    [InlineData("hidden suite dropped")]
    [InlineData("hidden test removed from the listing")]
    [InlineData("entry assembly renamed")]
    public void An_edited_stamp_is_not_trusted(string edit)
    {
        var (layout, stampFile) = CopyWithCache();
        var day = layout.LoadManifest().Day(1);
        var stamp = JsonNode.Parse(File.ReadAllText(stampFile))!.AsObject();
        switch (edit)
        {
            case "hidden suite dropped": stamp["Hidden"] = null; break;
            case "hidden test removed from the listing": stamp["Hidden"]!["Tests"]!.AsArray().RemoveAt(0); break;
            default: stamp["Public"]!["EntryAssembly"] = stamp["Hidden"]!["EntryAssembly"]!.GetValue<string>(); stamp["Public"]!["OutputDir"] = stamp["Hidden"]!["OutputDir"]!.GetValue<string>(); break;
        }
        File.WriteAllText(stampFile, stamp.ToJsonString());

        new TestCache(layout).HasIntactBuild(day).Should().BeFalse($"a stamp with its {edit} must be rebuilt, not graded with");
    }

    [Fact]
    public void A_changed_file_in_a_cached_build_is_not_trusted()
    {
        var (layout, stampFile) = CopyWithCache();
        var day = layout.LoadManifest().Day(1);
        var stamp = JsonNode.Parse(File.ReadAllText(stampFile))!.AsObject();
        // The hidden suite's output copied, so the fixture's own cache stays intact: the same bytes are trusted…
        var copy = RepoPaths.NewTempDir("course-cache-output");
        RepoPaths.CopyTree(stamp["Hidden"]!["OutputDir"]!.GetValue<string>(), copy);
        stamp["Hidden"]!["OutputDir"] = copy;
        File.WriteAllText(stampFile, stamp.ToJsonString());
        new TestCache(layout).HasIntactBuild(day).Should().BeTrue("the output hash covers contents, not the folder's name");

        // …one changed byte in the test assembly is not.
        var dll = Path.Combine(copy, stamp["Hidden"]!["EntryAssembly"]!.GetValue<string>());
        var bytes = File.ReadAllBytes(dll);
        bytes[^1] ^= 0x5A;
        File.WriteAllBytes(dll, bytes);
        new TestCache(layout).HasIntactBuild(day).Should().BeFalse("a cached test assembly that changed after its build must be rebuilt");
    }
}
