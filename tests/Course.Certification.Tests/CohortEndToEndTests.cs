using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Certification.Credentials;
using Course.Certification.Knowledge;
using Course.Certification.Technical;
using Course.Grader.Building;
using Course.Grader.Checks;
using Course.Model;
using Course.Model.Files;

namespace Course.Certification.Tests;

/// <summary>
/// <c>course certify</c> end to end on a synthetic class of 14 built from the real course's solutions, stubs and
/// mutants: real coursework gradings, real technical submissions (handed out by <c>course technical start</c>, one
/// late, one with a forged token), answers drawn from each learner's own shuffled paper. The course is the real one
/// with only Day 1 graded as coursework (a copy of course.json; everything else linked), so the class grades in about a
/// minute. The run is killed once mid-way and resumed; the results are checked learner by learner, then certificates
/// and results files are tampered with and <c>course verify</c> must refuse them.
/// </summary>
[Collection("console")]
[Trait("Speed", "Slow")]
public sealed class CohortEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const string Cohort = "2026W";
    private static readonly CourseLayout Real = new(typeof(CohortEndToEndTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CourseRoot").Value!);
    private readonly string _work = Directory.CreateTempSubdirectory("cohort-e2e-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_synthetic_class_is_certified_resumed_after_a_kill_and_its_certificates_verify()
    {
        var cancel = TestContext.Current.CancellationToken;
        var root = DayOneCourse();
        var keys = Path.Combine(_work, "keys");
        (await InProcessCli.RunAsync("keys", "init", "--out", keys)).Code.Should().Be(0);
        var keyFile = Path.Combine(keys, InstructorKey.PrivateFile);
        using var key = InstructorKey.LoadPrivate(keyFile);
        var bank = ExamBank.Load(ExamBank.FolderOf(new CourseLayout(root)));
        var roster = Path.Combine(_work, Cohort);
        var all = TechnicalPools.Tasks;
        string[] noT6 = ["T1", "T2", "T3", "T4", "T5"];

        // id, Day 1, correct answers of 60, tasks solved, other technical twists
        await Learner("ada", "solutions", 60, all);                                    // 100: distinction
        await Learner("ben", "solutions", 60, all);                                    // the same figures: ties share every award
        await Learner("cho", "solutions", 48, noT6, receipt: false);                   // 30 + 24 + 30 = 84: pass (timed by its files)
        await Learner("dan", "exercises", 45, noT6);                                   // 0 + 22.5 + 30: fails on the total only
        await Learner("eve", "solutions", 40, noT6);                                   // 80 total, but knowledge 66.7% < 70%
        await Learner("fay", "solutions", 60, ["T1", "T2", "T3"]);                     // 78 total, but technical 45 < 60
        await Learner("gus", "solutions", 60, noT6, startedHoursAgo: 3);               // late: technical 0
        await Learner("hal", "solutions", 50, noT6, malformedAnswers: true);           // 10 rows blank or malformed, scored 0
        var ivy = new[] { "ivy", "ida", "ike", "ina", "isa", "iza" }.First(id => TechnicalMutantFor(TechnicalPools.Draw(Cohort, id)) is not null);
        await Learner(ivy, "solutions", 60, noT6, dayMutant: "D1-M1", technicalMutant: true);
        await Learner("jon", "exercises", 30, []);                                     // stubs everywhere: fails every condition
        await Learner("kim", "solutions", 60, noT6, forgedToken: true, receipt: false); // token not signed by the instructor: rejected
        await Learner("nia", "solutions", 60, noT6, changedAfterReceipt: true);        // a file edited after hand-in: rejected
        await Learner("lia", "solutions", 60, noT6, instructorScore: """{"score": 70, "model_accuracy": 0.5}""");
        Directory.CreateDirectory(Path.Combine(roster, "max"));                        // no DayNN folders: skipped, never the class
        File.WriteAllText(Path.Combine(roster, "max", "notes.txt"), "nothing handed in");

        var outDir = Path.Combine(_work, "out");
        string[] certify = ["certify", roster, "--out", outDir, "--key", keyFile, "--course-root", root, "--jobs", "2"];

        // Killed as soon as the first learner's coursework is done; nothing half-written may count afterwards.
        var killed = await CourseProcess(certify, killAfterLine: ": coursework graded", cancel);
        killed.Killed.Should().BeTrue(killed.StdErr);
        Directory.Exists(Path.Combine(outDir, "learners")).Should().BeFalse("certification comes after every grading");

        var watch = Stopwatch.StartNew();
        var run = await CourseProcess(certify, killAfterLine: null, cancel);
        var seconds = watch.Elapsed.TotalSeconds;
        run.ExitCode.Should().Be(0, run.StdErr);
        output.WriteLine($"certify of 14 learners (Day 1 coursework + technical test), resumed after a kill: {seconds:0.0} s wall, {seconds / 14:0.00} s per learner");
        output.WriteLine(run.StdErr);
        run.StdErr.Should().Contain("coursework already_graded", "the learner graded before the kill is not graded again");
        run.StdErr.Should().Contain("max: skipped:").And.Contain("no DayNN project folders");

        var rows = File.ReadAllLines(Path.Combine(outDir, "summary.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0]);
        string Row(string id) => string.Join(",", rows[id][2..8]);
        Row("ada").Should().Be("100,100,100,100,distinction,1");
        Row("ben").Should().Be("100,100,100,100,distinction,1");
        Row("cho").Should().StartWith("100,80,75,84,pass,");
        Row("dan").Should().StartWith("0,75,75,52.5,fail,");
        Row("eve").Should().StartWith("100,66.67,75,80,fail,");
        Row("fay").Should().StartWith("100,100,45,78,fail,");
        Row("gus").Should().StartWith("100,100,0,60,fail,");
        Row("hal").Should().StartWith("100,83.33,75,85,pass,");
        Row("jon").Should().StartWith("0,50,0,15,fail,");
        Row("kim").Should().StartWith("100,100,0,60,fail,");
        Row("lia").Should().StartWith("100,100,70,88,pass,");
        rows["max"][6].Should().Be("skipped");

        var results = Results(outDir);
        results["dan"]["failed_conditions"]!.AsArray().Select(n => (string)n!).Should().Equal("total 52.5 < 70");
        results["eve"]["failed_conditions"]!.AsArray().Select(n => (string)n!).Should().Equal("knowledge 66.7% < 70%");
        results["fay"]["failed_conditions"]!.AsArray().Select(n => (string)n!).Should().Equal("technical 45 < 60");
        results["gus"]["failed_conditions"]!.AsArray().Select(n => (string)n!).Should().Equal("total 60 < 70", "technical test submitted late (scored 0)");
        ((string)results["gus"]["technical"]!["status"]!).Should().Be("late");
        ((string)results["gus"]["technical"]!["problems"]![0]!).Should().Contain("after the deadline");
        ((string)results["kim"]["technical"]!["status"]!).Should().Be("rejected");
        ((string)results["kim"]["technical"]!["problems"]![0]!).Should().Contain("not by the instructor's key");
        ((string)results["nia"]["technical"]!["status"]!).Should().Be("rejected");
        ((string)results["nia"]["technical"]!["problems"]![0]!).Should().Contain("the files differ from those received at");
        results["cho"]["technical"]!["problems"]!.AsArray().Select(n => (string)n!).Should().ContainSingle()
            .Which.Should().Contain("the submission time is the newest file time", "without a receipt the result says where its time came from");
        results["ada"]["technical"]!["problems"]!.AsArray().Should().BeEmpty();
        ((string)results["lia"]["technical"]!["status"]!).Should().Be("scored", "the instructor's score.json stands in for a test sat outside the platform");
        results["jon"]["failed_conditions"]!.AsArray().Should().HaveCount(3, "total, knowledge and technical all fail");
        results["hal"]["knowledge"]!["problems"]!.AsArray().Should().HaveCount(10, "each blank or malformed row is reported, none crashes the run");

        // ivy: Day 1 with a softmax that overflows, and a technical task with a known bug; both lose points, not all of them.
        ((double)results[ivy]["coursework"]!["score"]!).Should().BeInRange(1, 99);
        ((double)results[ivy]["technical"]!["score"]!).Should().BeInRange(60, 74.99);

        // T6 counts for the best-model award by its measured accuracy; ada and ben trained the same model and share it.
        ((double)results["ada"]["technical"]!["model_accuracy"]!).Should().Be(0.975);
        foreach (var winner in new[] { "ada", "ben" })
            results[winner]["awards"]!.AsArray().Select(n => (string)n!).Should().Contain(["最優秀賞 / Best overall", "ベストモデル賞 / Best model", "技術テスト賞 / Best technical test"]);
        results["lia"]["awards"]!.AsArray().Select(n => (string)n!).Should().NotContain("ベストモデル賞 / Best model");
        results["cho"]["awards"]!.AsArray().Select(n => (string)n!).Should().Equal(["完全制覇賞 / Every hidden test passed"],
            "every hidden test of the graded coursework passed, and no figure of cho's is the best");

        // Every passing learner has a certificate; the shuffled papers differ, and each scored exactly what was answered right.
        foreach (var (id, node) in results)
            File.Exists(Path.Combine(outDir, "learners", id, "certificate.jwt")).Should().Be((string)node["result"]! != "fail", id);
        KnowledgePaper.Draw(bank, Cohort, "ada", 6).Items.Select(i => i.Question.Id)
            .Should().NotEqual(KnowledgePaper.Draw(bank, Cohort, "ben", 6).Items.Select(i => i.Question.Id));

        // A second run with nothing changed grades nobody again and writes the same results.
        var ada = Path.Combine(outDir, "learners", "ada");
        var before = File.ReadAllBytes(Path.Combine(ada, "results.json"));
        var again = await CourseProcess(certify, killAfterLine: null, cancel);
        again.ExitCode.Should().Be(0, again.StdErr);
        again.StdErr.Should().NotContain("coursework graded").And.NotContain("technical graded");
        File.ReadAllBytes(Path.Combine(ada, "results.json")).Should().Equal(before);

        // Verification: the genuine pair is valid; a changed results file or a changed certificate is not.
        var publicKey = Path.Combine(keys, InstructorKey.PublicFile);
        var genuine = await InProcessCli.RunAsync("verify", Path.Combine(ada, "certificate.jwt"), Path.Combine(ada, "results.json"), "--key", publicKey);
        genuine.Code.Should().Be(0, genuine.Out);
        var forgedResults = Path.Combine(_work, "results.json");
        File.WriteAllText(forgedResults, File.ReadAllText(Path.Combine(ada, "results.json")).Replace("\"rank\": 1", "\"rank\": 2"));
        var mismatch = await InProcessCli.RunAsync("verify", Path.Combine(ada, "certificate.jwt"), forgedResults, "--key", publicKey);
        mismatch.Code.Should().NotBe(0);
        mismatch.Out.Should().Contain("invalid");
        var jwt = File.ReadAllText(Path.Combine(ada, "certificate.jwt")).Trim().Split('.');
        var genuinePayload = Encoding.UTF8.GetString(Base64Url.Decode(jwt[1]));
        var payload = genuinePayload.Replace("ada", "eve"); // the certificate handed to somebody else
        payload.Should().NotBe(genuinePayload);
        var forgedCertificate = Path.Combine(_work, "certificate.jwt");
        File.WriteAllText(forgedCertificate, $"{jwt[0]}.{Base64Url.Encode(Encoding.UTF8.GetBytes(payload))}.{jwt[2]}\n");
        var tampered = await InProcessCli.RunAsync("verify", forgedCertificate, "--key", publicKey);
        tampered.Code.Should().NotBe(0);
        tampered.Out.Should().Contain("invalid");

        async Task Learner(string id, string day1, int correct, IReadOnlyList<string> solved, int startedHoursAgo = 0, bool malformedAnswers = false,
            string? dayMutant = null, bool technicalMutant = false, bool forgedToken = false, string? instructorScore = null,
            bool receipt = true, bool changedAfterReceipt = false)
        {
            var folder = Path.Combine(roster, id);
            FolderCopy.Copy(Path.Combine(Real.Root, day1, "Day01"), Path.Combine(folder, "Day01"), FolderCopy.SkipBuildOutput);
            if (dayMutant is not null) MutationPatch.Overlay(Path.Combine(Real.MutantsDir, "Day01", dayMutant), Path.Combine(folder, "Day01"));

            var paper = KnowledgePaper.Draw(bank, Cohort, id, 6);
            var lines = paper.Items.Select((item, i) => i < correct
                ? $"{PaperRenderer.PaperId(item.Position)},{item.ShownAnswer}"
                : malformedAnswers && i >= 50 ? (i % 2 == 0 ? $"{PaperRenderer.PaperId(item.Position)}," : $"{PaperRenderer.PaperId(item.Position)},Z?")
                : $"{PaperRenderer.PaperId(item.Position)},{(char)('A' + (item.ShownAnswer - 'A' + 1) % item.ShownOptions.Count)}");
            Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
            File.WriteAllText(Path.Combine(folder, "knowledge", "answers.csv"), PaperRenderer.AnswersHeader + "\n" + string.Join("\n", lines) + "\n");

            if (instructorScore is not null)
            {
                Directory.CreateDirectory(Path.Combine(folder, "technical"));
                File.WriteAllText(Path.Combine(folder, "technical", "score.json"), instructorScore);
                return;
            }
            var handout = Path.Combine(_work, "handouts", id);
            (await InProcessCli.RunAsync("technical", "start", "--cohort", Cohort, "--learner", id, "--out", handout, "--key", keyFile, "--course-root", root)).Code.Should().Be(0);
            var technical = Path.Combine(folder, "technical");
            FolderCopy.Copy(Path.Combine(handout, TechnicalPools.Project), Path.Combine(technical, TechnicalPools.Project), FolderCopy.SkipBuildOutput);
            var token = File.ReadAllText(Path.Combine(handout, StartToken.FileName));
            var drawn = StartToken.Verify(token, key, Cohort, id).Token!.Variants;
            if (startedHoursAgo > 0) token = new StartToken(Cohort, id, drawn, DateTimeOffset.UtcNow.AddHours(-startedHoursAgo)).Sign(key);
            if (forgedToken)
            {
                using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                token = new StartToken(Cohort, id, drawn, DateTimeOffset.UtcNow).Sign(other);
            }
            File.WriteAllText(Path.Combine(technical, StartToken.FileName), token + "\n");
            foreach (var variant in drawn.Where(v => solved.Contains(v.Task)))
                foreach (var file in variant.Files)
                    File.Copy(Path.Combine(Real.SolutionsDir, TechnicalPools.Project, file), Path.Combine(technical, TechnicalPools.Project, file), overwrite: true);
            if (technicalMutant) MutationPatch.Overlay(TechnicalMutantFor(drawn)!, Path.Combine(technical, TechnicalPools.Project));
            // Handed in now (copies keep the repository's file times, and the submission time is the newest file time).
            foreach (var file in Directory.EnumerateFiles(Path.Combine(technical, TechnicalPools.Project), "*.cs"))
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
            if (receipt)
            {
                var received = await InProcessCli.RunAsync("technical", "receive", technical, "--cohort", Cohort, "--learner", id, "--key", keyFile, "--course-root", root);
                received.Code.Should().Be(0, received.Err);
                received.Out.Should().Contain(startedHoursAgo > 0 ? "LATE" : "on time");
            }
            if (changedAfterReceipt)
                File.AppendAllText(Directory.EnumerateFiles(Path.Combine(technical, TechnicalPools.Project), "*.cs").Order(StringComparer.Ordinal).First(), "\n// fixed after hand-in\n");
        }
    }

    /// <summary>The real course with only Day 1 graded: a real curriculum/ folder holding an edited course.json, every
    /// other top-level entry (engine, exercises, solutions, grader, tests, props, the .course test cache) linked.</summary>
    private string DayOneCourse()
    {
        // The cache is built (or found) at the real paths first, so the linked course reuses it and never records its own.
        var cache = new TestCache(Real);
        var manifest = Real.LoadManifest();
        cache.GetAsync(manifest.Day(1)).GetAwaiter().GetResult();
        cache.GetAsync(TechnicalGrade.Manifest(manifest.Day(10), TechnicalPools.Draw(Cohort, "warm-up"))).GetAwaiter().GetResult();

        var root = Path.Combine(_work, "course");
        Directory.CreateDirectory(Path.Combine(root, "curriculum"));
        foreach (var entry in Directory.EnumerateFileSystemEntries(Real.Root))
        {
            var name = Path.GetFileName(entry);
            if (name is "curriculum" or ".git") continue;
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(Path.Combine(root, name), entry);
            else File.CreateSymbolicLink(Path.Combine(root, name), entry);
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(Real.Root, "curriculum")).Where(e => Path.GetFileName(e) != "course.json"))
        {
            var link = Path.Combine(root, "curriculum", Path.GetFileName(entry));
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(link, entry); else File.CreateSymbolicLink(link, entry);
        }
        var json = JsonNode.Parse(File.ReadAllText(Real.ManifestPath))!.AsObject();
        foreach (var day in json["days"]!.AsArray())
            if ((int)day!["day"]! is > 1 and < 10) day["available"] = false;
        File.WriteAllText(Path.Combine(root, "curriculum", "course.json"), json.ToJsonString());
        return root;
    }

    /// <summary>A technical-test mutant whose files are all among the drawn variants' (the draw is per learner; the
    /// stand-in, which changes every file, never is).</summary>
    private static string? TechnicalMutantFor(IReadOnlyList<TechnicalVariant> drawn) =>
        Directory.EnumerateDirectories(Path.Combine(Real.MutantsDir, TechnicalPools.Project)).Order(StringComparer.Ordinal)
            .FirstOrDefault(m => MutationPatch.OverlayOf(m).All(o => drawn.Any(v => v.Task != "T6" && v.Files.Contains(o.Target))));

    private static Dictionary<string, JsonNode> Results(string outDir) =>
        Directory.EnumerateDirectories(Path.Combine(outDir, "learners"))
            .ToDictionary(d => Path.GetFileName(d), d => JsonNode.Parse(File.ReadAllText(Path.Combine(d, "results.json")))!);


    /// <summary>The CLI as its own process (so it can be killed like an instructor's Ctrl-C or a lost node).</summary>
    private static async Task<(int ExitCode, string StdErr, bool Killed)> CourseProcess(string[] args, string? killAfterLine, CancellationToken cancel)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "course.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        var killed = false;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        while (await process.StandardError.ReadLineAsync(cancel) is { } line)
        {
            stderr.AppendLine(line);
            if (killAfterLine is not null && !killed && line.Contains(killAfterLine, StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                killed = true;
            }
        }
        await process.WaitForExitAsync(cancel);
        await stdout;
        return (process.ExitCode, stderr.ToString(), killed);
    }
}
