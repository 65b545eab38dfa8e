using System.Text.Json;
using Course.Grader.Tests.Infrastructure;

namespace Course.Grader.Tests.Cli;

/// <summary>The real `course` process: exit codes, one-line errors for bad input, nothing half-written, report files.</summary>
public sealed class CliExitCodeTests(MiniCourseFixture course)
{
    [Fact]
    public async Task Grading_writes_all_three_reports_and_exits_zero_whatever_the_score()
    {
        using var submission = SubmissionBuilder.FromExercises(course.Root);
        var outDir = RepoPaths.NewTempDir("course-reports");
        var json = Path.Combine(outDir, "results.json");

        var run = await CliProcess.RunAsync(course.Root, "grade", submission.Path, "--json", json, "--junit", Path.Combine(outDir, "junit.xml"),
            "--markdown", Path.Combine(outDir, "report.md"), "--day-timeout", "30", "--test-timeout", "6", "--timings");

        run.ExitCode.Should().Be(0, run.StdErr);
        run.StdOut.Should().Contain("Timings (s); a suite is queue + start-up + tests").And.MatchRegex(@"│ 1 +│ \d+\.\d\d +│ \d+\.\d\d \+ \d+\.\d\d \+ \d+\.\d\d");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        foreach (var field in new[] { "score", "max_score", "execution_time", "output", "tests", "days", "submission_sha256" })
            root.TryGetProperty(field, out _).Should().BeTrue($"results.json has '{field}'");
        root.GetProperty("score").GetDouble().Should().Be(0);
        root.GetProperty("max_score").GetDouble().Should().Be(200);
        var test = root.GetProperty("tests")[0];
        foreach (var field in new[] { "name", "number", "score", "max_score", "status", "output", "visibility", "tags" })
            test.TryGetProperty(field, out _).Should().BeTrue($"tests[] entries have '{field}'");
        root.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("status").GetString()).Should().OnlyContain(s => s == "graded");
        root.GetProperty("days")[0].GetProperty("timings").GetProperty("compile").GetDouble().Should().BePositive();
        File.ReadAllText(Path.Combine(outDir, "junit.xml")).Should().Contain("<testsuite name=\"Day01\"").And.Contain("<failure");
        root.GetProperty("tests").EnumerateArray().Sum(t => t.GetProperty("cases").GetInt32()).Should().Be(8, "the hidden theory of exercise 1.1 runs two data rows");
        File.ReadAllText(Path.Combine(outDir, "report.md")).Should().Contain("| 1 | 0 | 100 | graded | 0/5 |")
            .And.Contain("| 1.1 | 0/3 | 0 | 60 |").And.Contain("| 2.1 | 0/2 | 0 | 100 |")
            .And.Contain("7 graded tests = 8 test cases as `dotnet test` counts them");
    }

    [Fact]
    public async Task Fail_under_not_met_exits_3_and_met_exits_0()
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root);

        var below = await CliProcess.RunAsync(course.Root, "grade", submission.Path, "--day", "2", "--public-only", "--fail-under", "31");
        var met = await CliProcess.RunAsync(course.Root, "grade", submission.Path, "--day", "2", "--public-only", "--fail-under", "30");

        below.ExitCode.Should().Be(3, below.StdErr);
        below.StdErr.Should().Contain("below --fail-under 31");
        met.ExitCode.Should().Be(0, met.StdErr);
        met.StdOut.Should().Contain("✓ 2.1: 1/1 tests passed, 30/30 points", "a learner's own grade lists what passed, not only what failed");
    }

    [Theory]
    [InlineData("missing", "submission folder not found")]
    [InlineData("empty", "no DayNN project folders")]
    [InlineData("unknown-day", "unknown day 42")]
    [InlineData("unavailable-day", "day 3 has no exercises to grade yet")]
    [InlineData("bad-option", "--frobnicate")]
    [InlineData("roster-without-out", "--roster needs --out")]
    [InlineData("unknown-command", "Unrecognized command or argument 'frobnicate'")]
    [InlineData("day-not-a-number", "Cannot parse argument 'abc' for option '--day'")]
    [InlineData("unknown-check", "--only: no check named nope")]
    public async Task Bad_input_is_one_clear_line_exit_2_and_writes_nothing(string @case, string expected)
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root);
        var empty = RepoPaths.NewTempDir("course-empty");
        var json = Path.Combine(empty, "results.json");
        string[] args = @case switch
        {
            "missing" => ["grade", Path.Combine(empty, "nope"), "--json", json],
            "empty" => ["grade", empty, "--json", json],
            "unknown-day" => ["grade", submission.Path, "--day", "42", "--json", json],
            "unavailable-day" => ["grade", submission.Path, "--day", "3", "--json", json],
            "bad-option" => ["grade", submission.Path, "--frobnicate"],
            "unknown-command" => ["frobnicate"],
            "day-not-a-number" => ["grade", submission.Path, "--day", "abc"],
            "unknown-check" => ["check", "--only", "twins,nope"],
            _ => ["grade", "--roster", empty],
        };

        var run = await CliProcess.RunAsync(course.Root, args);

        run.ExitCode.Should().Be(2);
        var lines = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().Contain(expected);
        Directory.EnumerateFileSystemEntries(empty).Should().BeEmpty("nothing is half-written");
    }

    [Fact]
    public async Task A_malformed_roster_is_rejected_before_anything_is_written()
    {
        var roster = RepoPaths.NewTempDir("course-roster-bad");
        Directory.CreateDirectory(Path.Combine(roster, "alice", "Day01"));
        Directory.CreateDirectory(Path.Combine(roster, "bob", "notes"));
        var outDir = Path.Combine(RepoPaths.NewTempDir("course-roster-out"), "out");

        var run = await CliProcess.RunAsync(course.Root, "grade", "--roster", roster, "--out", outDir);

        run.ExitCode.Should().Be(2);
        run.StdErr.Trim().Should().Contain("bob").And.Contain("no DayNN project folders");
        Directory.Exists(outDir).Should().BeFalse();
    }
}
