using System.ComponentModel;
using System.Text.RegularExpressions;
using Course.Grader.Packing;
using Course.Grader.Tests.Infrastructure;
using Course.Model;
using Course.Model.Processes;

namespace Course.Grader.Tests.Checks;

/// <summary>
/// The learner pack: no solutions, hidden tests, exam bank or platform tests; refused while exercises/ differs from the
/// committed stubs (unless --include-changes); `dotnet test` inside it runs the public tests (red on the stubs, with
/// hints); and the real course's pack carries the `course` CLI, which builds and grades --public-only inside it.
/// </summary>
public sealed class LearnerPackTests(MiniCourseFixture course)
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_pack_ships_no_answers_and_its_public_tests_run_and_fail_with_hints()
    {
        var pack = Path.Combine(RepoPaths.NewTempDir("course-pack"), "pack");
        var warnings = new List<string>();

        await LearnerPack.CreateAsync(course.Layout, pack, new PackOptions { Warn = warnings.Add }, TestContext.Current.CancellationToken);

        warnings.Should().ContainSingle("the fixture copy is not a git checkout: one warning, then the pack goes on")
            .Which.Should().Contain("cannot compare exercises/ with the committed stubs");
        Directory.Exists(Path.Combine(pack, "solutions")).Should().BeFalse();
        Directory.Exists(Path.Combine(pack, "grader", "hidden")).Should().BeFalse();
        Directory.Exists(Path.Combine(pack, "tests")).Should().BeFalse();
        Directory.EnumerateFiles(pack, "*Hidden*", SearchOption.AllDirectories).Should().BeEmpty();
        File.Exists(Path.Combine(pack, "exercises", "Day01.Tests", "ArithmeticTests.cs")).Should().BeTrue();
        File.ReadAllText(Path.Combine(pack, "README.md")).Should().Contain("dotnet test");
        File.ReadAllLines(Path.Combine(pack, ".gitignore")).Should().Contain(["bin/", "obj/", ".course/", "TestResults/", "*.user"]);

        var run = await ChildProcess.RunAsync(DotnetHost.Path, ["test"], pack, TimeSpan.FromMinutes(5), cancel: TestContext.Current.CancellationToken);

        run.ExitCode.Should().NotBe(0, "the public tests are red on the stubs");
        var output = run.StdOut + run.StdErr;
        output.Should().Contain("Arithmetic.Add: return a + b (lesson §1.1).").And.Contain("Words.Count: split on whitespace");
        output.Should().NotContain("error CS", "the pack builds");
    }

    [Fact]
    public async Task Packing_into_a_non_empty_folder_is_refused_and_writes_nothing()
    {
        var target = RepoPaths.NewTempDir("course-pack-busy");
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var act = () => LearnerPack.CreateAsync(course.Layout, target, cancel: TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<GradingException>().WithMessage("*already exists and is not empty*");
        Directory.EnumerateFileSystemEntries(target).Should().ContainSingle();
    }

    [Fact]
    public async Task A_changed_or_added_stub_is_refused_naming_the_files_and_nothing_is_written()
    {
        var root = await CommittedCourseAsync();
        ChangeStubs(root);
        var parent = RepoPaths.NewTempDir("course-pack-refused");
        var pack = Path.Combine(parent, "pack");

        var act = () => LearnerPack.CreateAsync(new CourseLayout(root), pack, cancel: TestContext.Current.CancellationToken);

        var refusal = (await act.Should().ThrowAsync<GradingException>()).Which.Message;
        refusal.Should().Contain("exercises/Day01/Arithmetic.cs").And.Contain("exercises/Day01/Extra.cs").And.Contain("--include-changes");
        refusal.Should().NotContain("notes.txt", "untracked files that are not sources are not stub changes");
        refusal.Should().NotContain("\n");
        Directory.EnumerateFileSystemEntries(parent).Should().BeEmpty("a refused pack writes nothing, not even its temporary folder");
    }

    [Fact]
    public async Task The_cli_refuses_changed_stubs_with_exit_code_2_and_one_line()
    {
        var root = await CommittedCourseAsync();
        ChangeStubs(root);
        var parent = RepoPaths.NewTempDir("course-pack-cli");
        var pack = Path.Combine(parent, "pack");

        var run = await CliProcess.RunAsync(root, "pack", pack);

        run.ExitCode.Should().Be(2, run.StdErr);
        run.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("exercises/Day01/Arithmetic.cs");
        Directory.EnumerateFileSystemEntries(parent).Should().BeEmpty();
    }

    [Fact]
    public async Task With_include_changes_the_changed_stubs_are_packed_with_a_warning()
    {
        var root = await CommittedCourseAsync();
        ChangeStubs(root);
        var pack = Path.Combine(RepoPaths.NewTempDir("course-pack-changes"), "pack");
        var warnings = new List<string>();

        await LearnerPack.CreateAsync(new CourseLayout(root), pack, new PackOptions { IncludeChanges = true, Warn = warnings.Add },
            TestContext.Current.CancellationToken);

        warnings.Should().ContainSingle().Which.Should().Contain("--include-changes").And.Contain("exercises/Day01/Arithmetic.cs");
        File.ReadAllText(Path.Combine(pack, "exercises", "Day01", "Arithmetic.cs")).Should().Contain("changed by the instructor");
        File.Exists(Path.Combine(pack, "exercises", "Day01", "Extra.cs")).Should().BeTrue();
    }

    [Fact]
    public async Task A_clean_checkout_packs_without_a_warning()
    {
        var root = await CommittedCourseAsync();
        File.WriteAllText(Path.Combine(root, "exercises", "Day01", "notes.txt"), "not a source");
        var pack = Path.Combine(RepoPaths.NewTempDir("course-pack-clean"), "pack");
        var warnings = new List<string>();

        await LearnerPack.CreateAsync(new CourseLayout(root), pack, new PackOptions { Warn = warnings.Add }, TestContext.Current.CancellationToken);

        warnings.Should().BeEmpty();
        Directory.Exists(pack).Should().BeTrue();
    }

    [Fact]
    public void Git_status_entries_are_read_as_tracked_changes_and_untracked_sources()
    {
        var changes = StubStatus.Parse(" M exercises/Day01/A.cs\0R  exercises/Day01/New.cs\0exercises/Day01/Old.cs\0?? exercises/Day01/B.cs\0?? exercises/notes.txt\0 D exercises/Day02/C.cs\0");

        changes.Should().Equal("M exercises/Day01/A.cs", "R exercises/Day01/New.cs", "?? exercises/Day01/B.cs", "D exercises/Day02/C.cs");
    }

    [Fact]
    public async Task The_real_course_pack_carries_the_cli_sources_but_no_solutions_hidden_tests_or_exam_bank()
    {
        using var packed = await RealPack.CreateAsync("course-pack-real");
        var pack = packed.Path;

        foreach (var project in new[] { "Course.Cli", "Course.Model", "Course.Notebooks", "Course.Grader" })
            Directory.Exists(Path.Combine(pack, "grader", project)).Should().BeTrue(project);
        Directory.Exists(Path.Combine(pack, "grader", "Submission")).Should().BeTrue("--against <folder> builds through grader/Submission");
        foreach (var never in LearnerPack.NeverPacked) Directory.Exists(Path.Combine(pack, never)).Should().BeFalse(never);
        var files = Directory.EnumerateFiles(pack, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(pack, f).Replace('\\', '/')).ToList();
        files.Should().NotContain(f => f.Contains(".Hidden.") || f.Contains("exam-bank") || f.StartsWith("solutions/") || f.Contains("/bin/") || f.Contains("/obj/"));
        // By content, not name: hidden and public test files may share a name (both run as Course.DayNN.Tests).
        var hiddenContents = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "grader", "hidden"), "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "GlobalUsings.cs" && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .Select(File.ReadAllText).ToHashSet();
        files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && hiddenContents.Contains(File.ReadAllText(Path.Combine(pack, f))))
            .Should().BeEmpty("no hidden test file travels under another folder");

        foreach (var props in new[] { "Directory.Build.props", "Directory.Day.props", "Directory.Packages.props" })
        {
            var comments = Regex.Matches(File.ReadAllText(Path.Combine(pack, props)), "<!--.*?-->", RegexOptions.Singleline).Select(m => m.Value);
            comments.Should().NotBeEmpty(props).And.OnlyContain(c => !Regex.IsMatch(c, "hidden|solutions|mutant|exam|platform|tests/|Playwright", RegexOptions.IgnoreCase), props);
        }
        var readme = File.ReadAllText(Path.Combine(pack, "README.md"));
        readme.IndexOf("## 日本語", StringComparison.Ordinal).Should().BeLessThan(readme.IndexOf("## English", StringComparison.Ordinal));
        readme.Should().Contain("dotnet run --project grader/Course.Cli -- kernel install")
            .And.Contain("C# (Course)")
            .And.Contain("dotnet run --project grader/Course.Cli -- notebook run curriculum/day01-mlp-backprop/notebook.ipynb --against exercises")
            .And.Contain("--public-only");
    }

    /// <summary>What a learner does with the pack: build the CLI, run a notebook against the stubs, get the public-only grade.</summary>
    [Fact]
    [Trait("Speed", "Slow")]
    public async Task The_real_course_packs_cli_builds_runs_a_notebook_and_grades_public_only()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var packed = await RealPack.CreateAsync("course-pack-cli");
        var pack = packed.Path;

        var build = await ChildProcess.RunAsync(DotnetHost.Path, ["build", Path.Combine(pack, "grader", "Course.Cli"), "-nologo", "-v", "q"],
            pack, TimeSpan.FromMinutes(15), cancel: cancel);
        build.ExitCode.Should().Be(0, build.StdOut + build.StdErr);
        var cli = Path.Combine(pack, "grader", "Course.Cli", "bin", "Debug", "net10.0", "course.dll");
        File.Exists(cli).Should().BeTrue();
        var environment = new Dictionary<string, string>
        {
            ["NO_COLOR"] = "1",
            ["COLUMNS"] = "200",
            ["COURSE_NOTEBOOK_CACHE"] = Path.Combine(pack, ".course", "notebooks"),
        };

        var notebook = await ChildProcess.RunAsync(DotnetHost.Path,
            [cli, "notebook", "run", "curriculum/day01-mlp-backprop/notebook.ipynb", "--against", "exercises"], pack, TimeSpan.FromMinutes(10), environment, cancel);
        var grade = await ChildProcess.RunAsync(DotnetHost.Path,
            [cli, "grade", "exercises", "--public-only", "--day", "1"], pack, TimeSpan.FromMinutes(10), environment, cancel);

        var notebookOutput = notebook.StdOut + notebook.StdErr;
        notebook.ExitCode.Should().Be(3, "the notebook runs until the first cell that calls a stub: " + notebookOutput);
        notebookOutput.Should().Contain("NotImplementedException").And.Contain("lesson §");
        var gradeOutput = grade.StdOut + grade.StdErr;
        grade.ExitCode.Should().Be(0, gradeOutput);
        gradeOutput.Should().Contain("public tests only").And.Contain("Total: 0 /").And.Contain("NotImplementedException").And.Contain("lesson §");
    }

    /// <summary>The real course packed into a temp folder (changes included: the checkout may be mid-edit), deleted afterwards (its CLI build is large).</summary>
    private sealed class RealPack(string parent) : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(parent, "pack");

        public static async Task<RealPack> CreateAsync(string prefix)
        {
            var packed = new RealPack(RepoPaths.NewTempDir(prefix));
            await LearnerPack.CreateAsync(new CourseLayout(RepoPaths.Root), packed.Path, new PackOptions { IncludeChanges = true },
                TestContext.Current.CancellationToken);
            return packed;
        }

        public void Dispose()
        {
            try { Directory.Delete(parent, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A copy of the fixture course committed to a fresh git repository (skips the test when git is missing).</summary>
    private static async Task<string> CommittedCourseAsync()
    {
        var root = RepoPaths.NewTempDir("course-pack-git");
        RepoPaths.CopyTree(RepoPaths.MiniCourseSource, root);
        await GitAsync(root, "init", "-q");
        await GitAsync(root, "add", "-A");
        await GitAsync(root, "-c", "user.name=Course Tests", "-c", "user.email=tests@example.invalid", "commit", "-q", "-m", "stubs");
        return root;
    }

    private static void ChangeStubs(string root)
    {
        var stub = Path.Combine(root, "exercises", "Day01", "Arithmetic.cs");
        File.AppendAllText(stub, "\n// changed by the instructor\n");
        File.WriteAllText(Path.Combine(root, "exercises", "Day01", "Extra.cs"), "namespace Course.Day01;\n");
        File.WriteAllText(Path.Combine(root, "exercises", "Day01", "notes.txt"), "not a source");
    }

    private static async Task GitAsync(string root, params string[] args)
    {
        ChildOutcome run;
        try
        {
            run = await ChildProcess.RunAsync("git", args, root, GitTimeout, cancel: TestContext.Current.CancellationToken);
        }
        catch (Win32Exception)
        {
            Assert.Skip("git is not installed: the stub check cannot be exercised");
            throw;
        }
        run.ExitCode.Should().Be(0, $"git {string.Join(' ', args)}: {run.StdErr}");
    }
}
