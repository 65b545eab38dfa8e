using Course.Grader.Checks;
using Course.Model.Checks;
using Course.Grader.Tests.Infrastructure;

namespace Course.Grader.Tests.Checks;

/// <summary>`course check`'s checks on the fixture course, through the same classes the CLI runs.</summary>
public sealed class MiniCourseCheckTests(MiniCourseFixture course)
{
    private CheckContext Context => new(course.Layout);

    [Fact]
    public async Task Every_mutant_loses_hidden_points()
    {
        var findings = await new MutantsLosePointsCheck(course.Grader, course.Options).RunAsync(Context, TestContext.Current.CancellationToken);

        findings.Select(f => f.Subject).Should().Equal("F1-M1 Add subtracts instead of adding.", "F1-M2 Scale multiplies in place and returns its input.");
        findings.Should().OnlyContain(f => f.Ok, string.Join("; ", findings.Select(f => f.Detail)));
        findings[1].Detail.Should().Be("hidden 42/70; killed by Scale_leaves_input_untouched");
    }

    [Fact]
    public async Task A_mutant_that_changes_nothing_survives_and_fails_the_check()
    {
        var folder = Path.Combine(RepoPaths.NewTempDir("course-mutant"), "F1-M9");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "MUTANT.md"), "An equivalent mutant: the solution itself.\n");
        File.Copy(Path.Combine(course.Root, "solutions", "Day01", "Arithmetic.cs"), Path.Combine(folder, "Arithmetic.cs"));
        var mutant = new Mutant(course.Grader.Manifest.Day(1), "F1-M9", folder, "An equivalent mutant: the solution itself.");

        var outcome = await Mutants.GradeAsync(course.Grader, course.Options, mutant, TestContext.Current.CancellationToken);

        outcome.Killed.Should().BeFalse();
        outcome.Detail.Should().Be("survives: hidden 70/70");
    }

    [Fact]
    public async Task Solutions_full_marks_and_stubs_zero_with_hints_hold_for_the_fixture()
    {
        var solutions = await new SolutionsFullMarksCheck(course.Grader, course.Options).RunAsync(Context, TestContext.Current.CancellationToken);
        var stubs = await new StubsZeroWithHintsCheck(course.Grader, course.Options).RunAsync(Context, TestContext.Current.CancellationToken);
        var traits = await new TestsAssignedCheck(course.Grader).RunAsync(Context, TestContext.Current.CancellationToken);

        solutions.Concat(stubs).Concat(traits).Should().OnlyContain(f => f.Ok, string.Join("; ", solutions.Concat(stubs).Concat(traits).Select(f => f.Detail)));
        solutions.Select(f => f.Subject).Should().Equal("Day01", "Day02");
    }

    [Fact]
    public void Twins_with_a_different_signature_are_reported()
    {
        var root = RepoPaths.NewTempDir("course-twins");
        RepoPaths.CopyTree(Path.Combine(course.Root, "exercises", "Day01"), Path.Combine(root, "stubs"));
        RepoPaths.CopyTree(Path.Combine(course.Root, "solutions", "Day01"), Path.Combine(root, "solutions"));

        TwinsMatchCheck.Compare(Path.Combine(root, "stubs"), Path.Combine(root, "solutions"), "Day01").Ok.Should().BeTrue();

        File.WriteAllText(Path.Combine(root, "solutions", "Arithmetic.cs"),
            File.ReadAllText(Path.Combine(root, "solutions", "Arithmetic.cs")).Replace("double factor)", "double factor = 2)"));
        var finding = TwinsMatchCheck.Compare(Path.Combine(root, "stubs"), Path.Combine(root, "solutions"), "Day01");

        finding.Ok.Should().BeFalse();
        finding.Detail.Should().Contain("+ Course.Day01.Arithmetic.public static double [ ] Scale ( double [ ] xs , double factor = 2 )");
    }

    [Fact]
    public async Task The_cli_check_command_prints_a_table_and_exits_zero_on_a_consistent_course()
    {
        var run = await CliProcess.RunAsync(course.Root, "check", "--only", "twins", "--only", "mutants");

        run.ExitCode.Should().Be(0, run.StdOut + run.StdErr);
        run.StdOut.Should().Contain("F1-M2").And.Contain("4 ok, 0 failed");
    }
}
