using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Grader.Running;
using Course.Grader.Running.Verdicts;

namespace Course.Grader.Tests.Running;

/// <summary>The grader's side of the verdict channel, against lines signed the way the in-process reporter signs them.</summary>
public sealed class SignedVerdictsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdicts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Sign(byte[] key, object record)
    {
        var json = JsonSerializer.Serialize(record);
        return json + "\t" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(json)));
    }

    private static object Case(long seq, string method, string result, string name = "", string? message = null) => new
    {
        seq, type = "T", method, name = name == "" ? "T." + method : name, result, message, stack = (string?)"at T.M() in /x.cs:line 3\n  at more\n  at more\n  at hidden",
        time = 0.01,
    };

    private (SignedVerdicts Verdicts, byte[] Key, string Path) Channel()
    {
        var verdicts = new SignedVerdicts();
        var path = Path.Combine(folder, "run.verdicts");
        var key = Convert.FromHexString(verdicts.Handshake(path).Split(' ')[0]);
        return (verdicts, key, path);
    }

    [Fact]
    public void Signed_lines_group_into_methods_with_theory_cases_and_the_reported_time()
    {
        var (verdicts, key, path) = Channel();
        File.WriteAllLines(path,
        [
            Sign(key, Case(0, "A", "Pass")),
            Sign(key, Case(1, "B", "Pass", "T.B(x: 1)")),
            Sign(key, Case(2, "B", "Fail", "T.B(x: 2)", "System.NotImplementedException : \"W\" を実装してください")),
            Sign(key, new { seq = 3L, end = true, count = 3L, time = 1.25 }),
        ]);

        var read = verdicts.Read(path, includeStackTop: false).Should().BeOfType<VerdictRead.Verified>().Subject;
        read.Report.TestTime.Should().Be(TimeSpan.FromSeconds(1.25));
        read.Report.Tests["T.A"].Should().Be(new TestOutcome(true, "", 1));
        read.Report.Tests["T.B"].Should().Be(new TestOutcome(false, "(x: 2): NotImplementedException: \"W\" を実装してください", 2));
    }

    [Fact]
    public void A_line_changed_after_signing_is_forged()
    {
        var (verdicts, key, path) = Channel();
        File.WriteAllLines(path, [Sign(key, Case(0, "A", "Fail")).Replace("\"Fail\"", "\"Pass\""), Sign(key, new { seq = 1L, end = true, count = 1L, time = 0.1 })]);

        verdicts.Read(path, false).Should().BeOfType<VerdictRead.Forged>().Which.Reason.Should().Contain("line 1");
    }

    [Fact]
    public void Lines_signed_with_another_runs_key_are_forged()
    {
        var (verdicts, _, path) = Channel();
        var other = RandomNumberGenerator.GetBytes(32);
        File.WriteAllLines(path, [Sign(other, Case(0, "A", "Pass")), Sign(other, new { seq = 1L, end = true, count = 1L, time = 0.1 })]);

        verdicts.Read(path, false).Should().BeOfType<VerdictRead.Forged>();
    }

    [Fact]
    public void A_replayed_or_dropped_line_breaks_the_sequence()
    {
        var (verdicts, key, path) = Channel();
        var pass = Sign(key, Case(0, "A", "Pass"));
        File.WriteAllLines(path, [pass, pass, Sign(key, new { seq = 2L, end = true, count = 2L, time = 0.1 })]);
        verdicts.Read(path, false).Should().BeOfType<VerdictRead.Forged>().Which.Reason.Should().Contain("out of order");

        File.WriteAllLines(path, [Sign(key, Case(1, "B", "Pass")), Sign(key, new { seq = 2L, end = true, count = 2L, time = 0.1 })]);
        verdicts.Read(path, false).Should().BeOfType<VerdictRead.Forged>();
    }

    [Fact]
    public void A_file_without_its_closing_line_or_no_file_is_missing_so_the_tests_are_rerun()
    {
        var (verdicts, key, path) = Channel();
        verdicts.Read(path, false).Should().BeOfType<VerdictRead.Missing>();

        File.WriteAllLines(path, [Sign(key, Case(0, "A", "Pass"))]);
        verdicts.Read(path, false).Should().BeOfType<VerdictRead.Missing>();
    }

    [Fact]
    public void Stack_tops_are_shown_for_public_tests_only_and_control_characters_are_dropped()
    {
        var (verdicts, key, path) = Channel();
        File.WriteAllLines(path, [Sign(key, Case(0, "A", "Fail", message: "bad\u001b[2J value")), Sign(key, new { seq = 1L, end = true, count = 1L, time = 0.1 })]);

        ((VerdictRead.Verified)verdicts.Read(path, includeStackTop: false)).Report.Tests["T.A"].Output.Should().Be("bad[2J value");
        ((VerdictRead.Verified)verdicts.Read(path, includeStackTop: true)).Report.Tests["T.A"].Output.Should()
            .Be("bad[2J value\nat T.M() in /x.cs:line 3\n  at more\n  at more", "three lines of the stack, no more");
    }
}
