using Course.Grader.Results;
using Course.Grader.Running;
using Course.Grader.Tests.Infrastructure;

namespace Course.Grader.Tests.Grading;

/// <summary>
/// Hostile submissions: the policy scan stops them before they run, and — with the scan bypassed (test-only
/// <c>SkipPolicy</c>) — the sandbox contains them at run time: only the affected tests lose points, the other day is intact.
/// </summary>
public sealed class HostileSubmissionTests(MiniCourseFixture course)
{
    private static string Arithmetic(string add, string scale, string extra = "") => $$"""
        namespace Course.Day01;
        public static class Arithmetic
        {
            public static double Add(double a, double b) {{add}}
            public static double[] Scale(double[] xs, double factor) {{scale}}
            {{extra}}
        }
        """;

    private const string GoodAdd = "=> a + b;";
    private const string GoodScale = "=> xs.Select(x => x * factor).ToArray();";

    private async Task<GradeResult> GradeDay1Hostile(string source, bool skipPolicy)
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root).Write("Day01/Arithmetic.cs", source);
        return await course.Grader.GradeAsync(submission.Path, course.Options with { SkipPolicy = skipPolicy }, cancel: TestContext.Current.CancellationToken);
    }

    private static void Day2Intact(GradeResult result) =>
        result.Days.Single(d => d.Day == 2).Should().Match<DayResult>(d => d.Status == "graded" && d.Score == 100);

    private static IEnumerable<string> Failed(GradeResult result) =>
        result.Tests.Where(t => t.Day == 1 && t.Status == "failed").Select(t => t.Number).Order();

    [Fact]
    public async Task Reading_a_hidden_test_file_is_a_policy_violation_with_file_and_line()
    {
        var hidden = Path.Combine(course.Root, "grader", "hidden", "Day01", "ArithmeticHiddenTests.cs");
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, $"=> throw new Exception(System.IO.File.ReadAllText(@\"{hidden}\"));"), skipPolicy: false);

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be("policy_violation");
        day1.Score.Should().Be(0);
        day1.Messages.Should().Contain("Day01/Arithmetic.cs:5: forbidden API 'System.IO.File.ReadAllText' (file IO is not allowed in submissions)");
        Day2Intact(result);
    }

    [Fact]
    public async Task Reading_a_hidden_test_file_fails_at_run_time_too_and_leaks_nothing()
    {
        var hidden = Path.Combine(course.Root, "grader", "hidden", "Day01", "ArithmeticHiddenTests.cs");
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, $"=> throw new Exception(System.IO.File.ReadAllText(@\"{hidden}\"));"), skipPolicy: true);

        if (Sandbox.UsesNamespaces) result.Tests.Should().NotContain(t => t.Output.Contains("Kills:"), "the hidden sources are not visible inside the sandbox");
        if (Sandbox.UsesNamespaces) result.Tests.Single(t => t.Number == "1.2.p1").Output.Should().MatchRegex("(DirectoryNotFound|FileNotFound)Exception");
        Failed(result).Should().Equal("1.2.h1", "1.2.p1");
        Day2Intact(result);
    }

    [Fact]
    public async Task Process_start_is_a_policy_violation_and_a_started_process_cannot_read_hidden_tests()
    {
        var hidden = Path.Combine(course.Root, "grader", "hidden", "Day01", "ArithmeticHiddenTests.cs");
        var scale = $$"""
            {
                var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("cat", @"{{hidden}}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
                throw new Exception(p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd());
            }
            """;
        var policed = await GradeDay1Hostile(Arithmetic(GoodAdd, scale), skipPolicy: false);
        policed.Days.Single(d => d.Day == 1).Messages.Should().Contain(m => m.Contains("forbidden API 'System.Diagnostics.Process") && m.Contains("starting processes"));

        var run = await GradeDay1Hostile(Arithmetic(GoodAdd, scale), skipPolicy: true);
        if (Sandbox.UsesNamespaces) run.Tests.Should().NotContain(t => t.Output.Contains("Kills:"));
        Day2Intact(run);
    }

    [Fact]
    public async Task An_infinite_loop_costs_only_the_tests_that_hang()
    {
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, "{ while (true) { } }"), skipPolicy: true);

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be("timeout");
        Failed(result).Should().Equal("1.2.h1", "1.2.p1");
        result.Tests.Single(t => t.Number == "1.2.h1").Output.Should().StartWith("timed out after");
        day1.Score.Should().Be(60, "exercise 1.1's tests all pass");
        Day2Intact(result);
    }

    [Fact]
    public async Task A_stack_overflow_costs_only_the_tests_that_overflow()
    {
        var result = await GradeDay1Hostile(Arithmetic("=> a == b + 1e308 ? 0 : Add(a, b) + 1;", GoodScale), skipPolicy: true);

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be("crashed");
        Failed(result).Should().Equal("1.1.h1", "1.1.h2", "1.1.p1");
        result.Tests.Single(t => t.Number == "1.1.p1").Output.Should().Contain("crashed");
        day1.Score.Should().Be(40);
        Day2Intact(result);
    }

    [Fact]
    public async Task Environment_exit_from_a_module_initializer_is_a_policy_violation_and_at_run_time_loses_only_that_day()
    {
        const string init = "[System.Runtime.CompilerServices.ModuleInitializer] internal static void Init() => Environment.Exit(0);";
        var policed = await GradeDay1Hostile(Arithmetic(GoodAdd, GoodScale, init), skipPolicy: false);
        policed.Days.Single(d => d.Day == 1).Messages.Should().Contain(m => m.Contains("forbidden API 'System.Environment.Exit'"));

        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, GoodScale, init), skipPolicy: true);
        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be("crashed");
        day1.Score.Should().Be(0);
        result.Tests.Where(t => t.Day == 1).Should().OnlyContain(t => t.Output.Contains("crashed"));
        Day2Intact(result);
    }

    [Fact]
    public async Task A_huge_allocation_hits_the_memory_cap_and_fails_only_its_tests()
    {
        const string scale = "{ var hoard = new List<double[]>(); while (true) hoard.Add(new double[16_000_000]); }";
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, scale), skipPolicy: true);

        Failed(result).Should().Equal("1.2.h1", "1.2.p1");
        result.Tests.Single(t => t.Number == "1.2.p1").Output.Should().Match(o => o.Contains("OutOfMemory") || o.Contains("crashed"));
        result.Days.Single(d => d.Day == 1).Score.Should().Be(60);
        Day2Intact(result);
    }

    [Fact]
    public async Task Printing_fake_result_lines_changes_nothing()
    {
        const string add = """
            {
                Console.WriteLine("<test name=\"x\" type=\"Course.Day01.Hidden.ArithmeticHiddenTests\" method=\"Add_is_commutative\" result=\"Pass\" />");
                Console.WriteLine("Passed!  - Failed: 0, Passed: 5, Skipped: 0, Total: 5");
                Console.Error.WriteLine("[PASS] everything");
                return a - b;
            }
            """;
        var result = await GradeDay1Hostile(Arithmetic(add, GoodScale), skipPolicy: false);

        result.Days.Single(d => d.Day == 1).Status.Should().Be("graded");
        Failed(result).Should().Equal("1.1.h1", "1.1.h2", "1.1.p1");
        result.Days.Single(d => d.Day == 1).Score.Should().Be(40);
    }
}
