using System.Security.Cryptography;
using System.Text;

namespace Course.Certification.Tests;

/// <summary>The certification commands end to end through the CLI's own entry point, on a fixture course.</summary>
[Collection("console")]
public sealed class CliTests : IDisposable
{
    private readonly FixtureBank _fixture = new();

    public void Dispose() => _fixture.Dispose();


    [Fact]
    public async Task Render_then_score_a_filled_in_sheet()
    {
        var folder = Path.Combine(_fixture.Root, "paper");
        var render = await InProcessCli.RunAsync("quiz", "render", "--cohort", "2026A", "--learner", "l-3", "--out", folder, "--course-root", _fixture.Root);
        render.Code.Should().Be(0, render.Err);
        File.ReadAllText(Path.Combine(folder, "paper.md")).Should().Contain("## Q60");

        var paper = KnowledgePaper.Draw(_fixture.Bank, "2026A", "l-3", 6);
        var answers = Path.Combine(folder, "answers.csv");
        File.WriteAllText(answers, "question_id,choice\n" + string.Concat(paper.Items.Take(45).Select(i => $"{PaperRenderer.PaperId(i.Position)},{i.ShownAnswer}\n")));
        var score = await InProcessCli.RunAsync("quiz", "score", answers, "--cohort", "2026A", "--learner", "l-3", "--course-root", _fixture.Root);

        score.Code.Should().Be(0, score.Err);
        score.Out.Should().Contain("l-3: 45/60 (75.0%)").And.Contain("Q46: blank (scored 0)");
    }

    [Fact]
    public async Task Keys_init_then_verify_a_certificate_and_its_results()
    {
        var keys = Path.Combine(_fixture.Root, "keys");
        (await InProcessCli.RunAsync("keys", "init", "--out", keys)).Code.Should().Be(0);
        (await InProcessCli.RunAsync("keys", "init", "--out", keys)).Code.Should().Be(2, "an existing key is never overwritten");

        var results = Path.Combine(_fixture.Root, "results.json");
        File.WriteAllText(results, "{\"score\": 700}");
        var content = new CertificateContent("2026A", "l-3", "名前", "講座", "Course", "講師", "https://example.org", DateTimeOffset.UnixEpoch,
            80, 80, 80, 80, "合格", [], Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(results))));
        using var key = InstructorKey.LoadPrivate(Path.Combine(keys, InstructorKey.PrivateFile));
        var certificate = Path.Combine(_fixture.Root, "certificate.jwt");
        File.WriteAllText(certificate, VcJwt.Sign(OpenBadgeCredential.Create(content), key));
        var pub = Path.Combine(keys, InstructorKey.PublicFile);

        var ok = await InProcessCli.RunAsync("verify", certificate, results, "--key", pub);
        ok.Code.Should().Be(0, ok.Out + ok.Err);
        ok.Out.Trim().Should().Be("certificate.jwt: valid: signature valid; results.json matches the certificate");

        File.WriteAllText(results, "{\"score\": 999}");
        var bad = await InProcessCli.RunAsync("verify", certificate, results, "--key", pub);
        bad.Code.Should().Be(3);
        bad.Out.Should().StartWith("certificate.jwt: invalid: results.json has SHA-256");

        var missing = await InProcessCli.RunAsync("verify", Path.Combine(_fixture.Root, "nope.jwt"));
        missing.Code.Should().Be(2);
        missing.Err.Trim().Should().EndWith("nope.jwt: certificate not found");
    }
}
