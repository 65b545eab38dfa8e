using Course.Grader.Running;

namespace Course.Grader.Tests.Running;

public sealed class MemoryCgroupTests
{
    private const string NeedsCgroup = "needs root with a writable memory cgroup (v1 memory controller, or v2 with memory delegated to the grader's group)";

    [Fact]
    public void A_group_carries_its_limit_and_is_removed_on_dispose()
    {
        Assert.SkipUnless(MemoryCgroup.Available, NeedsCgroup);
        const long limit = 300L * 1024 * 1024;
        string path;
        using (var group = MemoryCgroup.TryCreate(limit))
        {
            group.Should().NotBeNull();
            path = group!.Path;
            var file = File.Exists(Path.Combine(path, "memory.max")) ? "memory.max" : "memory.limit_in_bytes";
            long.Parse(File.ReadAllText(Path.Combine(path, file)).Trim()).Should().Be(limit);
            group.OomKilled.Should().BeFalse();
        }
        Directory.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task A_process_tree_past_its_limit_is_killed_and_reported_as_out_of_memory()
    {
        Assert.SkipUnless(MemoryCgroup.Available, NeedsCgroup);
        using var group = MemoryCgroup.TryCreate(64L * 1024 * 1024)!;
        // A child shell joins the group, then a grandchild allocates 200 MB: the limit covers the whole tree.
        var outcome = await Course.Model.Processes.ChildProcess.RunAsync("/bin/sh",
            ["-c", $"echo $$ > {group.Path}/cgroup.procs && sh -c 'x=$(head -c 200000000 /dev/zero | tr \"\\0\" a); echo ${{#x}}'"],
            Path.GetTempPath(), TimeSpan.FromSeconds(30), cancel: TestContext.Current.CancellationToken);

        group.OomKilled.Should().BeTrue("the grandchild held 200 MB in a 64 MB group");
        outcome.StdOut.Trim().Should().NotBe("200000000");
    }
}
