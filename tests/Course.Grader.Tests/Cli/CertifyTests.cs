using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Certification.Knowledge;
using Course.Grader.Roster;
using Course.Grader.Tests.Infrastructure;

namespace Course.Grader.Tests.Cli;

/// <summary>
/// `course certify` through the real process on the fixture course (plus a certification block and a small exam bank):
/// a passing, a failing and a broken learner; summary.csv, awards.md, results.json, a certificate `course verify`
/// accepts; the broken folder reported and skipped; a second run resumes without re-grading and writes the same results.
/// </summary>
public sealed class CertifyTests(MiniCourseFixture course)
{
    private const string Cohort = "2026T";
    private const int PerPool = 2;

    /// <summary>A copy of the fixture course with a certification block and an exam bank; the cached test builds are reused.</summary>
    private string CertifiableCourse()
    {
        var root = course.CopyWithCachedBuilds("course-cert");
        var manifestPath = Path.Combine(root, "curriculum", "course.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        manifest["certification"] = JsonNode.Parse($$"""
            {"weights": {"coursework": 0.3, "knowledge": 0.3, "technical": 0.4}, "knowledgePass": 0.7, "technicalPass": 0.6,
             "passMark": 70, "distinctionMark": 90, "knowledgeQuestionsPerDay": {{PerPool}}, "knowledgeMinutes": 90, "technicalMinutes": 120}
            """);
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        var bank = Path.Combine(root, "grader", "exam-bank");
        Directory.CreateDirectory(bank);
        for (var pool = 1; pool <= 10; pool++)
        {
            var md = new StringBuilder($"# Pool {pool}\n");
            for (var k = 1; k <= 3; k++)
            {
                var correct = (pool + k) % 4;
                md.Append($"\n## D{pool}-Q{k} · {(k == 3 ? "計算" : "知識")} · test\n問題 {pool}-{k}\n> EN: Question {pool}-{k}\n");
                for (var o = 0; o < 4; o++) md.Append($"- [{(o == correct ? "x" : " ")}] {(char)('A' + o)}. 選択肢 {pool}-{k}-{o}\n");
                md.Append("\n**解説**: テスト。\n");
            }
            File.WriteAllText(Path.Combine(bank, pool == 10 ? "general.md" : $"day{pool:00}.md"), md.ToString());
        }
        return root;
    }

    private static void Learner(string roster, string id, string courseRoot, string? implementation, int? correctAnswers, string? technicalJson)
    {
        var folder = Path.Combine(roster, id);
        Directory.CreateDirectory(folder);
        if (implementation is null) File.WriteAllText(Path.Combine(folder, "notes.txt"), "no DayNN folders here");
        else
            foreach (var day in Directory.EnumerateDirectories(Path.Combine(courseRoot, implementation), "Day??"))
                RepoPaths.CopyTree(day, Path.Combine(folder, Path.GetFileName(day)));
        if (correctAnswers is { } n)
        {
            var paper = KnowledgePaper.Draw(ExamBank.Load(Path.Combine(courseRoot, "grader", "exam-bank")), Cohort, id, PerPool);
            var rows = paper.Items.Select((item, i) => $"{PaperRenderer.PaperId(item.Position)},{(i < n ? item.ShownAnswer : (char)('A' + (item.ShownAnswer - 'A' + 1) % 4))}\n");
            Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
            File.WriteAllText(Path.Combine(folder, "knowledge", "answers.csv"), PaperRenderer.AnswersHeader + "\n" + string.Concat(rows));
        }
        if (technicalJson is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder, "technical"));
            File.WriteAllText(Path.Combine(folder, "technical", "score.json"), technicalJson);
        }
    }

    [Fact]
    public async Task A_cohort_is_certified_with_a_verifiable_certificate_and_a_broken_folder_skipped()
    {
        var root = CertifiableCourse();
        var roster = Path.Combine(RepoPaths.NewTempDir("course-cohort"), Cohort);
        Learner(roster, "alice", root, "solutions", correctAnswers: 20, technicalJson: """{"score": 90, "model_accuracy": 0.96}""");
        Learner(roster, "bob", root, "exercises", correctAnswers: 10, technicalJson: null);
        Learner(roster, "carol", root, implementation: null, correctAnswers: null, technicalJson: null);
        var work = RepoPaths.NewTempDir("course-cert-out");
        var outDir = Path.Combine(work, "out");
        var keys = Path.Combine(work, "keys");

        var noKey = await CliProcess.RunAsync(root, "certify", roster, "--out", outDir, "--key", Path.Combine(keys, "instructor.key.pem"));
        noKey.ExitCode.Should().Be(2, noKey.StdErr);
        noKey.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("course keys init");
        Directory.Exists(outDir).Should().BeFalse("nothing is written when the key is missing");

        (await CliProcess.RunAsync(root, "keys", "init", "--out", keys)).ExitCode.Should().Be(0);
        var key = Path.Combine(keys, "instructor.key.pem");
        var run = await CliProcess.RunAsync(root, "certify", roster, "--out", outDir, "--key", key, "--jobs", "2");

        run.ExitCode.Should().Be(0, run.StdErr);
        run.StdErr.Should().Contain("carol: skipped:").And.Contain("no DayNN project folders");
        run.StdOut.Should().Contain("alice: distinction total 96 rank 1").And.Contain("bob: fail");
        var summary = File.ReadAllLines(Path.Combine(outDir, "summary.csv"));
        summary[0].Should().Be("learner_id,name,coursework,knowledge,technical,total,result,rank,awards,coursework_status,knowledge_status,technical_status,error");
        var rows = summary.Skip(1).Select(l => l.Split(',')).ToList();
        rows.Select(r => r[0]).Should().Equal("alice", "bob", "carol");
        rows[0][2..8].Should().Equal("100", "100", "90", "96", "distinction", "1");
        rows[0][^4..^1].Should().Equal("graded", "scored", "scored");
        rows[1][2..7].Should().Equal("0", "50", "0", "15", "fail");
        rows[1][^4..^1].Should().Equal("graded", "scored", "not_submitted");
        rows[2][2..7].Should().Equal("", "", "", "", "skipped");
        rows[2][^1].Should().Contain("no DayNN project folders");

        var awards = File.ReadAllText(Path.Combine(outDir, "awards.md"));
        awards.Should().Contain("| 最優秀賞 / Best overall | alice (alice) | total 96 |")
            .And.Contain("| ベストモデル賞 / Best model | alice (alice) | held-out accuracy 0.960 |")
            .And.Contain("| 完全制覇賞 / Every hidden test passed | alice (alice) |");

        // The instructor's analysis beside summary.csv: carol's broken folder stops none of it.
        File.ReadAllLines(Path.Combine(outDir, "items.csv"))[0].Should().Be(Course.Certification.Analysis.ItemAnalysis.CsvHeader);
        File.ReadAllText(Path.Combine(outDir, "cohort.html")).Should().Contain("<dt>合格率 / Pass rate</dt><dd>50%</dd>")
            .And.Contain("<svg class=\"histogram\"").And.Contain("<td>carol</td>");
        File.ReadAllText(Path.Combine(outDir, "similarity.html")).Should().Contain("<h2 id=\"day01\">Day01</h2>");
        run.StdOut.Should().Contain("code similarity: 0 pair(s) and ");

        var alice = Path.Combine(outDir, "learners", "alice");
        using (var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(alice, "results.json"))))
        {
            results.RootElement.GetProperty("result").GetString().Should().Be("distinction");
            results.RootElement.GetProperty("coursework").GetProperty("day_scores").GetProperty("day01").GetDouble().Should().Be(100);
            results.RootElement.GetProperty("knowledge").GetProperty("correct").GetInt32().Should().Be(20);
            results.RootElement.GetProperty("technical").GetProperty("status").GetString().Should().Be("scored");
        }
        File.ReadAllText(Path.Combine(alice, "certificate.html")).Should().Contain("修了証").And.Contain("総合 / Total 96 — 判定 / Result: 優");
        if (Course.Certification.Printing.CertificatePdf.JapaneseTypeface() is not null)
            File.ReadAllBytes(Path.Combine(alice, "certificate.pdf"))[..5].Should().Equal("%PDF-"u8.ToArray());
        else
            run.StdErr.Should().Contain("certificates are written as .jwt and .html only");
        foreach (var file in new[] { "certificate.jwt", "certificate.html", "certificate.pdf" })
            File.Exists(Path.Combine(outDir, "learners", "bob", file)).Should().BeFalse($"a failing learner gets no {file}");
        Directory.Exists(Path.Combine(outDir, "learners", "carol")).Should().BeFalse();

        var verify = await CliProcess.RunAsync(root, "verify", Path.Combine(alice, "certificate.jwt"), Path.Combine(alice, "results.json"),
            "--key", Path.Combine(keys, "instructor.pub.pem"));
        verify.ExitCode.Should().Be(0, verify.StdOut + verify.StdErr);
        verify.StdOut.Trim().Should().Be("certificate.jwt: valid: signature valid; results.json matches the certificate");

        // Resumable: the coursework is not graded again, and the same inputs give byte-identical results.
        var before = File.ReadAllBytes(Path.Combine(alice, "results.json"));
        var again = await CliProcess.RunAsync(root, "certify", roster, "--out", outDir, "--key", key);
        again.ExitCode.Should().Be(0, again.StdErr);
        again.StdErr.Should().Contain("alice: coursework already_graded").And.Contain("bob: coursework already_graded");
        File.ReadAllBytes(Path.Combine(alice, "results.json")).Should().Equal(before);
    }

    [Fact]
    public async Task Sharded_certify_runs_then_a_final_run_give_the_single_machine_results()
    {
        var root = CertifiableCourse();
        var roster = Path.Combine(RepoPaths.NewTempDir("course-cohort"), Cohort);
        Learner(roster, "alice", root, "solutions", correctAnswers: 20, technicalJson: """{"score": 90, "model_accuracy": 0.96}""");
        Learner(roster, "bob", root, "exercises", correctAnswers: 10, technicalJson: null);
        Learner(roster, "dora", root, "solutions", correctAnswers: 15, technicalJson: """{"score": 70}""");
        var work = RepoPaths.NewTempDir("course-cert-shards");
        var keys = Path.Combine(work, "keys");
        (await CliProcess.RunAsync(root, "keys", "init", "--out", keys)).ExitCode.Should().Be(0);
        var key = Path.Combine(keys, "instructor.key.pem");

        var whole = await CliProcess.RunAsync(root, "certify", roster, "--out", Path.Combine(work, "whole"), "--key", key);
        whole.ExitCode.Should().Be(0, whole.StdErr);
        var shared = Path.Combine(work, "shared");
        foreach (var shard in new[] { "1/2", "2/2" })
        {
            var part = await CliProcess.RunAsync(root, "certify", roster, "--out", shared, "--key", key, "--shard", shard);
            part.ExitCode.Should().Be(0, part.StdErr);
            part.StdOut.Should().Contain($"shard {shard}: ").And.Contain("without --shard");
        }
        File.Exists(Path.Combine(shared, "summary.csv")).Should().BeFalse("a shard certifies nobody");
        var final = await CliProcess.RunAsync(root, "certify", roster, "--out", shared, "--key", key);

        final.ExitCode.Should().Be(0, final.StdErr);
        final.StdErr.Should().NotContain("coursework graded", "every learner was graded by one of the shards");
        File.ReadAllText(Path.Combine(shared, "summary.csv")).Should().Be(File.ReadAllText(Path.Combine(work, "whole", "summary.csv")));
        File.ReadAllBytes(Path.Combine(shared, "learners", "dora", "results.json"))
            .Should().Equal(File.ReadAllBytes(Path.Combine(work, "whole", "learners", "dora", "results.json")));

        var slurm = await CliProcess.RunAsync(root, "roster", "slurm", roster, "--out", Path.Combine(work, "cluster"), "--shards", "2", "--certify",
            "--cohort", Cohort, "--key", key, "--course-root", root);
        slurm.ExitCode.Should().Be(0, slurm.StdErr);
        File.ReadAllText(Path.Combine(work, "cluster", SlurmJob.ArrayScript)).Should().Contain(" certify ").And.Contain("--shard \"$shard/2\"").And.Contain($"--cohort {Cohort}");
        File.ReadAllText(Path.Combine(work, "cluster", SlurmJob.MergeScript)).Should().Contain(" certify ").And.NotContain("--shard");
    }
}
