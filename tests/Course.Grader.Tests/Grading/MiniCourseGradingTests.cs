using Course.Grader.Results;
using Course.Grader.Tests.Infrastructure;

namespace Course.Grader.Tests.Grading;

/// <summary>The grader on real submissions of the fixture course: full marks, zero with hints, compile errors, points.</summary>
public sealed class MiniCourseGradingTests(MiniCourseFixture course)
{
    [Fact]
    public async Task Solutions_score_full_marks_on_every_day()
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root);

        var result = await course.Grader.GradeAsync(submission.Path, course.Options, cancel: TestContext.Current.CancellationToken);

        result.Days.Select(d => (d.Day, d.Status, d.Score, d.MaxScore)).Should().Equal((1, DayStatus.Graded, 100.0, 100.0), (2, DayStatus.Graded, 100.0, 100.0));
        result.Score.Should().Be(200);
        result.Tests.Should().HaveCount(7).And.OnlyContain(t => t.Status == TestStatus.Passed && t.Score == t.MaxScore);
        result.Days.Should().OnlyContain(d => d.Timings != null, "every day that ran records where its time went");
        foreach (var t in result.Days.Select(d => d.Timings!))
        {
            t.Compile.Should().BePositive();
            t.PublicTests.Should().BePositive().And.BeLessThanOrEqualTo(t.PublicWall, "xunit's own time is part of its process's wall time");
            t.HiddenTests.Should().BePositive().And.BeLessThanOrEqualTo(t.HiddenWall);
            t.Processes.Should().Be(2, "one process per suite when nothing hangs or crashes");
        }
    }

    [Fact]
    public async Task Stubs_score_zero_and_every_failure_is_the_stub_hint()
    {
        using var submission = SubmissionBuilder.FromExercises(course.Root);

        var result = await course.Grader.GradeAsync(submission.Path, course.Options, cancel: TestContext.Current.CancellationToken);

        result.Score.Should().Be(0);
        result.Days.Should().OnlyContain(d => d.Status == DayStatus.Graded);
        result.Tests.Should().OnlyContain(t => t.Status == TestStatus.Failed);
        result.Tests.Should().OnlyContain(t => Course.Grader.Checks.StubsZeroWithHintsCheck.IsHint(t.Output), "every failure is a NotImplementedException hint");
        result.Tests.Single(t => t.Name.EndsWith("Three_words")).Output.Should().Contain("Words.Count: split on whitespace");
    }

    [Fact]
    public async Task Points_split_30_70_between_public_and_hidden_tests_of_each_exercise()
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root);

        var result = await course.Grader.GradeAsync(submission.Path, course.Options with { Days = [1] }, cancel: TestContext.Current.CancellationToken);

        // Exercise 1.1 (60 points): 1 public test → 18; 2 hidden tests → 21 each. Exercise 1.2 (40): 12 public, 28 hidden.
        result.Tests.Select(t => (t.Number, t.MaxScore)).Should().BeEquivalentTo(new[]
        {
            ("1.1.p1", 18.0), ("1.2.p1", 12.0), ("1.1.h1", 21.0), ("1.1.h2", 21.0), ("1.2.h1", 28.0),
        });
    }

    [Fact]
    public async Task Public_only_runs_public_tests_and_never_lists_hidden_ones()
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root);

        var result = await course.Grader.GradeAsync(submission.Path, course.Options with { Days = [1], PublicOnly = true }, cancel: TestContext.Current.CancellationToken);

        result.PublicOnly.Should().BeTrue();
        result.Tests.Should().HaveCount(2).And.OnlyContain(t => t.Visibility == "visible");
        result.Score.Should().Be(30);
        result.MaxScore.Should().Be(30);
    }

    [Fact]
    public async Task A_day_that_does_not_compile_scores_zero_with_compiler_messages_and_the_other_day_is_graded()
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root)
            .Write("Day01/Arithmetic.cs", "namespace Course.Day01;\npublic static class Arithmetic\n{\n    public static double Add(double a, double b) => a + ;\n}\n");

        var result = await course.Grader.GradeAsync(submission.Path, course.Options, cancel: TestContext.Current.CancellationToken);

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be(DayStatus.CompileError);
        day1.Score.Should().Be(0);
        day1.MaxScore.Should().Be(100);
        day1.Messages.Should().Contain(m => m.StartsWith("Day01/Arithmetic.cs:4: CS1525"));
        day1.Timings.Should().BeNull("no test process ran");
        result.Days.Single(d => d.Day == 2).Should().Match<DayResult>(d => d.Status == DayStatus.Graded && d.Score == 100);
    }

    [Fact]
    public async Task A_submission_project_file_is_never_used()
    {
        // Hostile MSBuild: a target that would write a file when evaluated. Only *.cs files are read.
        var marker = Path.Combine(Path.GetTempPath(), $"course-msbuild-{Guid.NewGuid():N}");
        using var submission = SubmissionBuilder.FromSolutions(course.Root)
            .Write("Day01/Day01.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Target Name="Pwn" BeforeTargets="Build;Restore;CoreCompile"><WriteLinesToFile File="{marker}" Lines="pwned" /></Target>
                </Project>
                """);

        var result = await course.Grader.GradeAsync(submission.Path, course.Options with { Days = [1] }, cancel: TestContext.Current.CancellationToken);

        result.Score.Should().Be(100);
        File.Exists(marker).Should().BeFalse();
    }

    [Fact]
    public async Task A_mutant_loses_hidden_points_but_keeps_the_rest()
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root)
            .Write("Day01/Arithmetic.cs", File.ReadAllText(Path.Combine(course.Root, "tests", "Mutants", "Day01", "F1-M2", "Arithmetic.cs")));

        var result = await course.Grader.GradeAsync(submission.Path, course.Options with { Days = [1] }, cancel: TestContext.Current.CancellationToken);

        result.Tests.Where(t => t.Status == TestStatus.Failed).Select(t => t.Number).Should().Equal("1.2.h1");
        result.Score.Should().Be(72);
    }

    [Fact]
    public async Task The_submission_hash_names_exactly_the_sources_graded()
    {
        using var a = SubmissionBuilder.FromSolutions(course.Root);
        using var b = SubmissionBuilder.FromSolutions(course.Root).Write("Day02/Extra.cs", "namespace Course.Day02; public static class Extra { }");
        var options = course.Options with { Days = [2], PublicOnly = true };

        var ra = await course.Grader.GradeAsync(a.Path, options, cancel: TestContext.Current.CancellationToken);
        var rb = await course.Grader.GradeAsync(b.Path, options, cancel: TestContext.Current.CancellationToken);

        ra.SubmissionSha256.Should().MatchRegex("^[0-9a-f]{64}$");
        rb.SubmissionSha256.Should().NotBe(ra.SubmissionSha256);
    }
}
