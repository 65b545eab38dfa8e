using Course.Grader.Packing;
using Course.Grader.Running;
using Course.Grader.Tests.Infrastructure;
using Course.Model.Processes;

namespace Course.Grader.Tests.Checks;

/// <summary>The learner pack has no solutions, hidden tests or platform tests, and `dotnet test` inside it runs the public tests (red on the stubs, with hints).</summary>
public sealed class LearnerPackTests(MiniCourseFixture course)
{
    [Fact]
    public async Task The_pack_ships_no_answers_and_its_public_tests_run_and_fail_with_hints()
    {
        var pack = Path.Combine(RepoPaths.NewTempDir("course-pack"), "pack");

        LearnerPack.Create(course.Layout, pack);

        Directory.Exists(Path.Combine(pack, "solutions")).Should().BeFalse();
        Directory.Exists(Path.Combine(pack, "grader")).Should().BeFalse();
        Directory.Exists(Path.Combine(pack, "tests")).Should().BeFalse();
        Directory.EnumerateFiles(pack, "*Hidden*", SearchOption.AllDirectories).Should().BeEmpty();
        File.Exists(Path.Combine(pack, "exercises", "Day01.Tests", "ArithmeticTests.cs")).Should().BeTrue();
        File.ReadAllText(Path.Combine(pack, "README.md")).Should().Contain("dotnet test");

        var run = await ChildProcess.RunAsync(DotnetHost.Path, ["test"], pack, TimeSpan.FromMinutes(5), cancel: TestContext.Current.CancellationToken);

        run.ExitCode.Should().NotBe(0, "the public tests are red on the stubs");
        var output = run.StdOut + run.StdErr;
        output.Should().Contain("Arithmetic.Add: return a + b (lesson §1.1).").And.Contain("Words.Count: split on whitespace");
        output.Should().NotContain("error CS", "the pack builds");
    }

    [Fact]
    public void Packing_into_a_non_empty_folder_is_refused_and_writes_nothing()
    {
        var target = RepoPaths.NewTempDir("course-pack-busy");
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var act = () => LearnerPack.Create(course.Layout, target);

        act.Should().Throw<GradingException>().WithMessage("*already exists and is not empty*");
        Directory.EnumerateFileSystemEntries(target).Should().ContainSingle();
    }
}
