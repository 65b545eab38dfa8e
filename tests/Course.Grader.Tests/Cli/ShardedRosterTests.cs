using Course.Grader.Roster;
using Course.Grader.Running;
using Course.Grader.Tests.Infrastructure;
using Course.Model.Processes;

namespace Course.Grader.Tests.Cli;

/// <summary>
/// A class spread over several machines: shards are disjoint, complete and balanced; shard outputs merge into the
/// summary a single run writes; and on a real Slurm cluster (started by .ci/slurm-up) the generated job array does it.
/// </summary>
public sealed class ShardedRosterTests(MiniCourseFixture course)
{
    [Fact]
    public void Shards_are_disjoint_complete_balanced_and_deterministic()
    {
        var ids = Enumerable.Range(0, 11).Select(i => $"learner{(i * 7) % 11:00}").ToList();
        var shards = Enumerable.Range(1, 3).Select(k => new RosterShard(k, 3).Select(ids, x => x)).ToList();

        shards.SelectMany(s => s).Should().BeEquivalentTo(ids).And.OnlyHaveUniqueItems();
        shards.Select(s => s.Count).Should().Equal(4, 4, 3);
        shards[0].Should().Equal("learner00", "learner03", "learner06", "learner09");
        new RosterShard(1, 3).Select(ids.AsEnumerable().Reverse().ToList(), x => x).Should().Equal(shards[0], "order of the roster listing does not matter");
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void A_malformed_shard_is_bad_input(string text) =>
        FluentActions.Invoking(() => RosterShard.Parse(text)).Should().Throw<GradingException>().WithMessage($"--shard {text}: expected K/N*");

    private string MakeRoster(int learners)
    {
        var roster = RepoPaths.NewTempDir("course-roster");
        for (var i = 0; i < learners; i++)
        {
            var impl = i % 3 == 0 ? "exercises" : "solutions";
            foreach (var day in Directory.EnumerateDirectories(Path.Combine(course.Root, impl), "Day??"))
                RepoPaths.CopyTree(day, Path.Combine(roster, $"learner{i:00}", Path.GetFileName(day)));
        }
        return roster;
    }

    private static string[] Rows(string summary) =>
        File.ReadAllLines(summary).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 1))).ToArray();

    [Fact]
    public async Task Three_shards_merged_give_the_summary_of_one_run()
    {
        var roster = MakeRoster(6);
        var work = RepoPaths.NewTempDir("course-shards");
        var whole = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", Path.Combine(work, "whole"), "--public-only");
        whole.ExitCode.Should().Be(0, whole.StdErr);
        for (var k = 1; k <= 3; k++)
        {
            var shard = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", Path.Combine(work, $"s{k}"), "--public-only", "--shard", $"{k}/3");
            shard.ExitCode.Should().Be(0, shard.StdErr);
            File.ReadAllLines(Path.Combine(work, $"s{k}", "summary.csv")).Should().HaveCount(3, "a header and two learners per shard");
        }

        var merged = await CliProcess.RunAsync(course.Root, "roster", "merge", Path.Combine(work, "s1"), Path.Combine(work, "s2"), Path.Combine(work, "s3"), "--out", Path.Combine(work, "class"));

        merged.ExitCode.Should().Be(0, merged.StdErr);
        Rows(Path.Combine(work, "class", "summary.csv")).Should().Equal(Rows(Path.Combine(work, "whole", "summary.csv")));
        Directory.EnumerateDirectories(Path.Combine(work, "class")).Should().HaveCount(6);
    }

    [Fact]
    public async Task Shards_graded_with_different_options_are_not_merged()
    {
        var roster = MakeRoster(2);
        var work = RepoPaths.NewTempDir("course-shards");
        (await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", Path.Combine(work, "a"), "--public-only", "--shard", "1/2")).ExitCode.Should().Be(0);
        (await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", Path.Combine(work, "b"), "--public-only", "--day", "1", "--shard", "2/2")).ExitCode.Should().Be(0);

        var merged = await CliProcess.RunAsync(course.Root, "roster", "merge", Path.Combine(work, "a"), Path.Combine(work, "b"), "--out", Path.Combine(work, "class"));

        merged.ExitCode.Should().Be(2);
        merged.StdErr.Should().Contain("refusing to merge");
        File.Exists(Path.Combine(work, "class", "summary.csv")).Should().BeFalse("nothing is written");
    }

    [Fact]
    public async Task A_slurm_job_array_grades_the_roster_and_its_merge_job_writes_the_class_summary()
    {
        var sinfo = File.Exists("/usr/bin/sinfo")
            ? await ChildProcess.RunAsync("sinfo", ["-h", "-o", "%a"], "/", TimeSpan.FromSeconds(20), cancel: TestContext.Current.CancellationToken)
            : null;
        Assert.SkipWhen(sinfo is not { ExitCode: 0 } || !sinfo.StdOut.Contains("up"),
            "no Slurm cluster answers (apt-get install -y slurm-wlm, then bash .ci/slurm-up)");
        var roster = MakeRoster(6);
        var work = RepoPaths.NewTempDir("course-slurm");
        var whole = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", Path.Combine(work, "whole"), "--public-only");
        whole.ExitCode.Should().Be(0, whole.StdErr);

        var submit = await CliProcess.RunAsync(course.Root, "roster", "slurm", roster, "--out", Path.Combine(work, "cluster"), "--shards", "3", "--public-only", "--submit",
            "--course-root", course.Root, "--time", "00:20:00");
        submit.ExitCode.Should().Be(0, submit.StdOut + submit.StdErr);
        File.ReadAllText(Path.Combine(work, "cluster", SlurmJob.ArrayScript)).Should().Contain("#SBATCH --array=0-2").And.Contain("--shard \"$shard/3\"");

        var summary = Path.Combine(work, "cluster", "class", "summary.csv");
        var cancel = TestContext.Current.CancellationToken;
        for (var waited = 0; waited < 600 && !File.Exists(summary); waited++) await Task.Delay(1000, cancel);
        File.Exists(summary).Should().BeTrue($"the merge job writes the class summary (logs: {string.Join(" | ", Directory.GetFiles(Path.Combine(work, "cluster", "logs")).Select(File.ReadAllText))})");
        Rows(summary).Should().Equal(Rows(Path.Combine(work, "whole", "summary.csv")));
    }
}
