using Course.Grader.Results;
using Course.Grader.Running;
using Course.Grader.Tests.Infrastructure;
using Course.Model.Processes;

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

    private async Task<GradeResult> GradeDay1Hostile(string source, bool skipPolicy, TimeSpan? dayTimeout = null)
    {
        using var submission = SubmissionBuilder.FromSolutions(course.Root).Write("Day01/Arithmetic.cs", source);
        var options = course.Options with { SkipPolicy = skipPolicy, DayTimeout = dayTimeout ?? course.Options.DayTimeout };
        return await course.Grader.GradeAsync(submission.Path, options, cancel: TestContext.Current.CancellationToken);
    }

    private static void Day2Intact(GradeResult result) =>
        result.Days.Single(d => d.Day == 2).Should().Match<DayResult>(d => d.Status == DayStatus.Graded && d.Score == 100);

    private static IEnumerable<string> Failed(GradeResult result) =>
        result.Tests.Where(t => t.Day == 1 && t.Status == TestStatus.Failed).Select(t => t.Number).Order();

    [Fact]
    public async Task Reading_a_hidden_test_file_is_a_policy_violation_with_file_and_line()
    {
        var hidden = Path.Combine(course.Root, "grader", "hidden", "Day01", "ArithmeticHiddenTests.cs");
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, $"=> throw new Exception(System.IO.File.ReadAllText(@\"{hidden}\"));"), skipPolicy: false);

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be(DayStatus.PolicyViolation);
        day1.Score.Should().Be(0);
        day1.Messages.Should().Contain("Day01/Arithmetic.cs:5: forbidden API 'System.IO.File.ReadAllText' (file IO is not allowed in submissions)");
        Day2Intact(result);
    }

    private const string NeedsSandbox = "needs the grading machine's isolation: root with util-linux unshare, setpriv and prlimit (Linux)";

    /// <summary>Learner code (policy bypassed) that runs a shell script and fails test 1.2.p1 with what the script printed.</summary>
    private static string Shell(string script) => $$""""
        {
            var info = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("""{{script}}""");
            var p = System.Diagnostics.Process.Start(info)!;
            var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            throw new Exception("SHELL[" + text.Replace('\n', '|') + "]");
        }
        """";

    private async Task<string> ShellOutput(string script)
    {
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, Shell(script)), skipPolicy: true);
        Day2Intact(result);
        var output = result.Tests.Single(t => t.Number == "1.2.p1").Output;
        output.Should().Contain("SHELL[", "the script ran inside the test process");
        return output[(output.IndexOf("SHELL[", StringComparison.Ordinal) + 6)..];
    }

    [Fact]
    public async Task Reading_a_hidden_test_file_fails_at_run_time_too_and_leaks_nothing()
    {
        Assert.SkipUnless(Sandbox.UsesNamespaces, NeedsSandbox);
        var hidden = Path.Combine(course.Root, "grader", "hidden", "Day01", "ArithmeticHiddenTests.cs");
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, $"=> throw new Exception(System.IO.File.ReadAllText(@\"{hidden}\"));"), skipPolicy: true);

        result.Tests.Should().NotContain(t => t.Output.Contains("Kills:"), "the hidden sources are not visible inside the sandbox");
        result.Tests.Single(t => t.Number == "1.2.p1").Output.Should().MatchRegex("(DirectoryNotFound|FileNotFound)Exception");
        Failed(result).Should().Equal("1.2.h1", "1.2.p1");
        Day2Intact(result);
    }

    [Fact]
    public async Task A_started_process_is_unprivileged_alone_in_its_pid_namespace_and_offline()
    {
        Assert.SkipUnless(Sandbox.UsesNamespaces, NeedsSandbox);
        var grader = Environment.ProcessId;
        var output = await ShellOutput(
            $"echo uid=$(id -u); echo procs=$(ls /proc | grep -c '^[0-9]'); " +
            $"umount /tmp 2>/dev/null && echo umount=yes || echo umount=no; " +
            $"ls /proc/{grader}/root/ 2>/dev/null | head -1 | sed 's/^/graderroot=/'; " +
            $"test -e {course.Root} && echo course=present || echo course=absent; " +
            $"echo root=$(ls -A / | tr '\\n' ' '); " +
            $"touch /usr/forged 2>/dev/null && echo usrwrite=yes || echo usrwrite=no; " +
            $"ls /tmp | wc -l | sed 's/^/tmpentries=/'; " +
            $"echo routes=$(grep -vc Iface /proc/net/route)");

        output.Should().NotContain("uid=0|", "the learner's code runs as an unprivileged user");
        output.Should().Contain("umount=no", "without capabilities nothing can be unmounted");
        output.Should().MatchRegex(@"procs=[1-9]\|").And.NotMatchRegex(@"procs=\d{2,}", "only the run's own few processes are visible");
        output.Should().NotContain("graderroot=", "the grader's /proc entry (and its view of the course) does not exist in the namespace");
        output.Should().Contain("course=absent|", "the course root is not mounted in the run's root at all");
        var root = System.Text.RegularExpressions.Regex.Match(output, @"root=([^|]*)\|").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        root.Should().NotBeEmpty().And.BeSubsetOf(["bin", "dev", "etc", "lib", "lib64", "proc", "sbin", "tmp", "usr"], "the root holds only the system folders the runtime needs");
        output.Should().Contain("usrwrite=no|", "the system folders are read-only");
        output.Should().Contain("tmpentries=1|", "temp shows only the run's own scratch folder, not other days' or learners'");
        output.Should().Contain("routes=0|", "the network namespace has no route anywhere, loopback included");
    }

    [Fact]
    public async Task A_process_left_running_dies_with_its_run()
    {
        Assert.SkipUnless(Sandbox.UsesNamespaces, NeedsSandbox);
        var marker = "lingering-" + Guid.NewGuid().ToString("N")[..8];
        await ShellOutput($"(exec -a {marker} sleep 600) >/dev/null 2>&1 & echo started");

        var ps = await ChildProcess.RunAsync("pgrep", ["-f", marker], "/", TimeSpan.FromSeconds(10), cancel: TestContext.Current.CancellationToken);
        ps.StdOut.Trim().Should().BeEmpty("nothing a submission starts outlives its run");
    }

    [Fact]
    public async Task A_thread_bomb_hits_the_process_limit_and_costs_only_its_tests()
    {
        Assert.SkipUnless(Sandbox.UsesNamespaces, NeedsSandbox);
        const string scale = "{ var all = new List<System.Threading.Thread>(); for (var i = 0; i < 10_000; i++) { var t = new System.Threading.Thread(() => System.Threading.Thread.Sleep(60_000)); t.Start(); all.Add(t); } return xs; }";
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, scale), skipPolicy: true);

        Failed(result).Should().Contain("1.2.p1").And.NotContain(n => n.StartsWith("1.1"), "exercise 1.1 does not start threads");
        Day2Intact(result);
    }

    [Fact]
    public async Task Forging_the_verdict_file_is_refused_by_the_allowlist_before_anything_runs()
    {
        // The reproduction from the field (when verdicts were xunit's XML): a module initializer starts a thread that finds
        // the -result-xml path in /proc/self/cmdline through System.Xml's resolver, waits for the file, and marks every
        // test passed. The scan refuses it before anything runs; at run time the signature would catch it.
        const string forge = """
            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Init() => new System.Threading.Thread(() =>
            {
                var resolver = new System.Xml.XmlUrlResolver();
                var cmd = new System.IO.StreamReader((System.IO.Stream)resolver.GetEntity(new Uri("file:///proc/self/cmdline"), null, null)!).ReadToEnd();
                var path = cmd.Split('\0').SkipWhile(a => a != "-result-xml").Skip(1).First();
                while (!System.IO.File.Exists(path)) System.Threading.Thread.Sleep(10);
                var doc = System.Xml.Linq.XDocument.Load(path);
                foreach (var t in doc.Descendants("test")) t.SetAttributeValue("result", "Pass");
                doc.Save(path);
            }) { IsBackground = false }.Start();
            """;
        var result = await GradeDay1Hostile(Arithmetic("=> throw new NotImplementedException();", "=> throw new NotImplementedException();", forge), skipPolicy: false);

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be(DayStatus.PolicyViolation);
        day1.Score.Should().Be(0);
        day1.Messages.Should().Contain(m => m.Contains("ModuleInitializerAttribute"))
            .And.Contain(m => m.Contains("System.Xml.XmlUrlResolver"))
            .And.Contain(m => m.Contains("System.Threading.Thread"));
        Day2Intact(result);
    }

    [Fact]
    public async Task Rewriting_the_verdicts_at_run_time_is_detected_and_never_scores()
    {
        // With the scan bypassed: try to take the key from stdin, then wait until the reporter closes its file and turn
        // every failure into a pass. Without the key the rewritten lines no longer verify.
        const string forge = """
            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Init()
            {
                var stolen = Console.In.ReadLine();
                new System.Threading.Thread(() =>
                {
                    var scratch = System.IO.Directory.GetParent(Environment.CurrentDirectory)!.FullName;
                    while (true)
                    {
                        foreach (var f in System.IO.Directory.GetFiles(scratch, "*.verdicts", System.IO.SearchOption.AllDirectories))
                        {
                            try
                            {
                                using var stream = new System.IO.FileStream(f, System.IO.FileMode.Open, System.IO.FileAccess.ReadWrite, System.IO.FileShare.None);
                                var text = new System.IO.StreamReader(stream).ReadToEnd();
                                if (!text.Contains("\"end\"")) continue;
                                var forged = System.Text.Encoding.UTF8.GetBytes(text.Replace("\"Fail\"", "\"Pass\"") + (stolen ?? ""));
                                stream.SetLength(0);
                                stream.Write(forged);
                                return;
                            }
                            catch (System.IO.IOException) { }
                        }
                        System.Threading.Thread.Sleep(2);
                    }
                }) { IsBackground = false }.Start();
            }
            """;
        var result = await GradeDay1Hostile(Arithmetic("=> a - b;", GoodScale, forge), skipPolicy: true);

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Score.Should().BeLessThan(100);
        result.Tests.Where(t => t.Day == 1 && t.Status == TestStatus.Failed).Should().NotBeEmpty()
            .And.Contain(t => t.Output.Contains("failed verification"), "the rewritten file is caught, not merely missing");
        result.Tests.Single(t => t.Number == "1.1.p1").Status.Should().Be(TestStatus.Failed, "Add is wrong and no forged pass counts");
        Day2Intact(result);
    }

    [Fact]
    public async Task Creating_a_delegate_to_reach_process_start_is_refused()
    {
        const string add = """
            {
                var getType = (Func<string, bool, Type?>)Delegate.CreateDelegate(typeof(Func<string, bool, Type?>), typeof(Type), "GetType");
                return a + b;
            }
            """;
        var result = await GradeDay1Hostile(Arithmetic(add, GoodScale), skipPolicy: false);

        result.Days.Single(d => d.Day == 1).Messages.Should().Contain(m => m.Contains("System.Delegate.CreateDelegate") && m.Contains("reflection"));
    }

    [Fact]
    public async Task Endless_output_without_a_newline_is_capped_and_grading_goes_on()
    {
        const string scale = "{ var chunk = new string('x', 1 << 20); for (var i = 0; i < 100; i++) Console.Write(chunk); return xs.Select(x => x * factor).ToArray(); }";
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, scale), skipPolicy: false);

        result.Days.Single(d => d.Day == 1).Should().Match<DayResult>(d => d.Status == DayStatus.Graded && d.Score == 100, "100 MB on stdout changes nothing but time");
        Day2Intact(result);
    }

    [Fact]
    public async Task An_infinite_loop_costs_only_the_tests_that_hang()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // A short day limit keeps the test quick; the per-test re-runs still get the fixture's 6 s each.
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, "{ while (true) { } }"), skipPolicy: true, dayTimeout: TimeSpan.FromSeconds(12));

        var day1 = result.Days.Single(d => d.Day == 1);
        day1.Status.Should().Be(DayStatus.Timeout);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(12) + SuiteRunner.OverrunAllowance + TimeSpan.FromSeconds(15),
            "a hanging day costs its timeout plus the re-run allowance, not the sum of its re-runs");
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
        day1.Status.Should().Be(DayStatus.Crashed);
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
        day1.Status.Should().Be(DayStatus.Crashed);
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
    public async Task Native_memory_outside_the_managed_heap_hits_the_whole_tree_limit_and_fails_only_its_tests()
    {
        Assert.SkipUnless(Sandbox.UsesNamespaces && MemoryCgroup.Available,
            "needs root with a writable memory cgroup (v1 memory controller, or v2 with memory delegated to the grader's group)");
        // Unmanaged blocks, each page touched: the GC heap limit never sees them; only the cgroup bounds the tree.
        const string scale = """
            {
                while (true)
                {
                    var block = System.Runtime.InteropServices.Marshal.AllocHGlobal(64 << 20);
                    for (var offset = 0; offset < 64 << 20; offset += 4096) System.Runtime.InteropServices.Marshal.WriteByte(block, offset, 1);
                }
            }
            """;
        var result = await GradeDay1Hostile(Arithmetic(GoodAdd, scale), skipPolicy: true);

        Failed(result).Should().Equal("1.2.h1", "1.2.p1");
        result.Tests.Single(t => t.Number == "1.2.p1").Output.Should().Contain("out of memory").And.Contain("MB");
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
                Console.WriteLine("[PASS] everything");
                return a - b;
            }
            """;
        var result = await GradeDay1Hostile(Arithmetic(add, GoodScale), skipPolicy: false);

        result.Days.Single(d => d.Day == 1).Status.Should().Be(DayStatus.Graded);
        Failed(result).Should().Equal("1.1.h1", "1.1.h2", "1.1.p1");
        result.Days.Single(d => d.Day == 1).Score.Should().Be(40);
    }
}
