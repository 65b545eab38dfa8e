using Course.Grader.Checks;
using Course.Model.Checks;
using Course.Grader.Grading;
using Course.Model;
using Course.Grader.Tests.Infrastructure;

namespace Course.Grader.Tests.RealCourse;

/// <summary>
/// `course check` on the real course (Days 1–3 and whatever else is available), through the same check classes as
/// the CLI: solutions full marks, stubs zero with hints, every mutant under tests/Mutants loses points. The test
/// builds are cached in .course/cache (built once, shared by these tests and by `course grade`).
/// </summary>
public sealed class RealCourseCheckTests
{
    private static readonly CourseLayout Layout = new(RepoPaths.Root);

    private static readonly SubmissionGrader Grader = new(Layout);
    private static readonly GradeOptions Options = new();

    private static CheckContext Context() => new(Layout);

    private static string Describe(IEnumerable<CheckFinding> findings) =>
        string.Join("\n", findings.Where(f => !f.Ok).Select(f => $"{f.Subject}: {f.Detail}"));

    [Fact]
    public async Task Solutions_score_full_marks()
    {
        var findings = await new SolutionsFullMarksCheck(Grader, Options).RunAsync(Context(), TestContext.Current.CancellationToken);

        findings.Should().NotBeEmpty();
        findings.Should().OnlyContain(f => f.Ok, Describe(findings));
    }

    [Fact]
    public async Task Stubs_compile_and_score_zero_with_a_hint_for_every_failure()
    {
        var findings = await new StubsZeroWithHintsCheck(Grader, Options).RunAsync(Context(), TestContext.Current.CancellationToken);

        findings.Should().NotBeEmpty();
        findings.Should().OnlyContain(f => f.Ok, Describe(findings));
    }

    [Fact]
    public async Task Every_mutant_loses_hidden_points()
    {
        var context = Context();
        var mutants = Mutants.Discover(Layout, Grader.Manifest);

        var findings = await new MutantsLosePointsCheck(Grader, Options).RunAsync(context, TestContext.Current.CancellationToken);

        mutants.Should().NotBeEmpty("tests/Mutants holds the typical bugs of each day");
        findings.Should().HaveCount(mutants.Count).And.OnlyContain(f => f.Ok, Describe(findings));
    }

    [Fact]
    public async Task Every_test_is_assigned_to_an_exercise_and_every_exercise_has_public_and_hidden_tests()
    {
        var findings = await new TestsAssignedCheck(Grader).RunAsync(Context(), TestContext.Current.CancellationToken);

        findings.Should().OnlyContain(f => f.Ok, Describe(findings));
    }

    [Fact]
    public async Task Hidden_tests_run_under_the_same_assembly_name_and_namespace_as_public_ones()
    {
        var cache = new Course.Grader.Building.TestCache(Layout);
        foreach (var day in Grader.Manifest.GradableDays)
        {
            var cached = await cache.GetAsync(day, TestContext.Current.CancellationToken);
            static string Namespace(string cls) => cls[..cls.LastIndexOf('.')];

            cached.Hidden.Should().NotBeNull(day.Label);
            cached.Hidden!.EntryAssembly.Should().Be(cached.Public.EntryAssembly, $"{day.Label}: nothing at run time tells the hidden suite from the public one");
            var publicNamespaces = cached.Public.Tests.Select(t => Namespace(t.Class)).Distinct().ToList();
            publicNamespaces.Should().ContainSingle(day.Label);
            cached.Hidden.Tests.Select(t => Namespace(t.Class)).Distinct().Should().Equal(publicNamespaces, day.Label);
            cached.Hidden.Tests.Should().OnlyContain(t => !t.Class.Contains("Hidden"),
                $"{day.Label}: a type a hidden test hands to learner code prints its full name");
        }
    }
}
