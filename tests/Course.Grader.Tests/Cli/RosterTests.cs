using Course.Grader.Roster;
using Course.Grader.Tests.Infrastructure;

namespace Course.Grader.Tests.Cli;

/// <summary>Class runs: one folder per learner, summary.csv, atomic folders, and a run killed half-way resumes without re-grading anybody.</summary>
public sealed class RosterTests(MiniCourseFixture course)
{
    private string MakeRoster(int learners)
    {
        var roster = RepoPaths.NewTempDir("course-roster");
        for (var i = 0; i < learners; i++)
        {
            var impl = i % 2 == 0 ? "solutions" : "exercises";
            foreach (var day in Directory.EnumerateDirectories(Path.Combine(course.Root, impl), "Day??"))
                RepoPaths.CopyTree(day, Path.Combine(roster, $"learner{i:00}", Path.GetFileName(day)));
        }
        return roster;
    }

    [Fact]
    public async Task A_roster_run_killed_half_way_resumes_and_loses_nobody()
    {
        var roster = MakeRoster(4);
        var outDir = Path.Combine(RepoPaths.NewTempDir("course-roster-out"), "out");
        var cancel = TestContext.Current.CancellationToken;

        // First run: kill the CLI as soon as the first learner's folder is complete.
        using var killer = new CancellationTokenSource();
        var first = CliProcess.RunAsyncCancellable(course.Root, killer.Token, "grade", "--roster", roster, "--out", outDir, "--jobs", "1", "--public-only");
        while (!first.IsCompleted && !Directory.Exists(Path.Combine(outDir, "learner00"))) await Task.Delay(100, cancel);
        killer.Cancel();
        try { await first; } catch (OperationCanceledException) { }
        var finished = Directory.EnumerateDirectories(outDir).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).ToList();
        finished.Should().NotBeEmpty().And.OnlyContain(n => File.Exists(Path.Combine(outDir, n!, "results.json")), "only complete folders carry a learner's name");
        var stamps = finished.ToDictionary(n => n!, n => File.GetLastWriteTimeUtc(Path.Combine(outDir, n!, "results.json")));

        var second = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", outDir, "--public-only");

        second.ExitCode.Should().Be(0, second.StdErr);
        foreach (var (name, stamp) in stamps)
            File.GetLastWriteTimeUtc(Path.Combine(outDir, name, "results.json")).Should().Be(stamp, $"{name} was finished and is not re-graded");
        var summary = File.ReadAllLines(Path.Combine(outDir, "summary.csv"));
        summary[0].Should().Be("learner,status,score,max_score,day01,day01_status,day02,day02_status,submission_sha256,error");
        summary.Skip(1).Select(l => l.Split(',')[0..3]).Should().BeEquivalentTo(new[]
        {
            new[] { "learner00", "graded", "60" }, new[] { "learner01", "graded", "0" },
            new[] { "learner02", "graded", "60" }, new[] { "learner03", "graded", "0" },
        });
        Directory.EnumerateDirectories(outDir, RosterGrader.PartialPrefix + "*").Should().BeEmpty();
    }

    [Fact]
    public async Task A_shard_clears_only_its_own_learners_leftovers_from_a_shared_output_folder()
    {
        var roster = MakeRoster(2);
        var outDir = Path.Combine(RepoPaths.NewTempDir("course-roster-out"), "out");
        var own = Path.Combine(outDir, RosterGrader.PartialPrefix + "learner00-0badc0de");
        var others = Path.Combine(outDir, RosterGrader.PartialPrefix + "learner01-1badc0de"); // shard 2/2 at work beside it
        Directory.CreateDirectory(own);
        Directory.CreateDirectory(others);

        var run = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", outDir, "--shard", "1/2", "--public-only");

        run.ExitCode.Should().Be(0, run.StdErr);
        Directory.Exists(own).Should().BeFalse("a leftover of this shard's learner is a killed run's");
        Directory.Exists(others).Should().BeTrue("another shard's folder in progress is not this run's to remove");
        File.Exists(Path.Combine(outDir, "learner00", "results.json")).Should().BeTrue();
    }

    [Fact]
    public async Task A_changed_submission_is_graded_again_and_the_others_are_not_until_forced()
    {
        var roster = MakeRoster(3);
        var outDir = Path.Combine(RepoPaths.NewTempDir("course-roster-out"), "out");
        var first = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", outDir, "--public-only");
        first.ExitCode.Should().Be(0, first.StdErr);
        File.ReadAllLines(Path.Combine(outDir, "summary.csv"))[2].Should().StartWith("learner01,graded,0,");
        var untouched = File.GetLastWriteTimeUtc(Path.Combine(outDir, "learner00", "results.json"));

        // learner01 hands in the reference Day 1 instead of the stubs.
        Directory.Delete(Path.Combine(roster, "learner01", "Day01"), recursive: true);
        RepoPaths.CopyTree(Path.Combine(course.Root, "solutions", "Day01"), Path.Combine(roster, "learner01", "Day01"));
        var second = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", outDir, "--public-only");

        second.ExitCode.Should().Be(0, second.StdErr);
        var rows = File.ReadAllLines(Path.Combine(outDir, "summary.csv"));
        rows[2].Split(',')[0..7].Should().Equal(["learner01", "graded", "30", "60", "30", "graded", "0"], "public-only: 30 of each day's 100 points; Day 1 now right, Day 2 still the stub");
        File.GetLastWriteTimeUtc(Path.Combine(outDir, "learner00", "results.json")).Should().Be(untouched, "an unchanged learner keeps their result");

        // Other options are another grading: every learner again.
        var allTests = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", outDir, "--force", "--public-only");
        allTests.ExitCode.Should().Be(0, allTests.StdErr);
        File.GetLastWriteTimeUtc(Path.Combine(outDir, "learner00", "results.json")).Should().BeAfter(untouched, "--force regrades everybody");
    }

    [Fact]
    public async Task A_cancelled_run_writes_the_summary_of_the_learners_it_finished()
    {
        var roster = MakeRoster(4);
        var outDir = Path.Combine(RepoPaths.NewTempDir("course-roster-out"), "out");
        using var stop = new CancellationTokenSource();
        var grader = new RosterGrader(course.Grader);

        var run = () => grader.GradeAsync(roster, outDir, course.Options with { PublicOnly = true, MaxParallelism = 1 },
            (_, _) => stop.Cancel(), stop.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        var rows = File.ReadAllLines(Path.Combine(outDir, "summary.csv"));
        rows.Should().HaveCount(2, "the header and the one learner finished before the cancel");
        rows[1].Should().StartWith("learner00,graded,60,");
        File.Exists(Path.Combine(outDir, "learner00", RosterGrader.InputsFile)).Should().BeTrue();
        Directory.Exists(Path.Combine(outDir, "learner01")).Should().BeFalse();
    }
}
