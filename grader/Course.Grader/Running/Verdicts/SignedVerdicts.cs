using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Course.Grader.Running.Verdicts;

/// <summary>What one test process reported: nothing usable (it crashed or was killed before finishing), a verified
/// report, or lines that fail verification (altered after the reporter wrote them).</summary>
public abstract record VerdictRead
{
    public sealed record Missing : VerdictRead;
    public sealed record Verified(XunitReport Report) : VerdictRead;
    public sealed record Forged(string Reason) : VerdictRead;
}

/// <summary>
/// The grader's side of the verdict channel. Each test process gets a fresh random key on its stdin (never on its
/// command line or in its environment) and writes one HMAC-SHA256-signed line per test result, numbered, and a closing
/// line with the count (<c>TestHost/SignedVerdictReporter.cs</c>). Learner code in that process can delete or garble
/// the file — that costs only its own tests — but cannot write a line that verifies: results come only from lines signed
/// with this run's key, in order, closed by the count.
/// </summary>
public sealed class SignedVerdicts
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The single stdin line that hands the reporter its key and the file to write.</summary>
    public string Handshake(string verdictFile) => $"{Convert.ToHexStringLower(key)} {verdictFile}\n";

    /// <summary>Reads and verifies <paramref name="path"/>; results are grouped per test method (<see cref="TestResultGrouping"/>).</summary>
    public VerdictRead Read(string path, bool includeStackTop)
    {
        if (!File.Exists(path)) return new VerdictRead.Missing();
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException) { return new VerdictRead.Missing(); }

        using var hmac = new HMACSHA256(key);
        var cases = new List<TestCaseResult>();
        double? total = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var tab = lines[i].LastIndexOf('\t');
            if (tab < 0) return new VerdictRead.Forged($"line {i + 1} is not signed");
            var json = lines[i][..tab];
            var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(json));
            byte[] given;
            try { given = Convert.FromHexString(lines[i][(tab + 1)..]); }
            catch (FormatException) { return new VerdictRead.Forged($"line {i + 1} has no valid signature"); }
            if (!CryptographicOperations.FixedTimeEquals(expected, given)) return new VerdictRead.Forged($"line {i + 1}: signature does not match");

            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.GetProperty("seq").GetInt64() != i) return new VerdictRead.Forged($"line {i + 1} is out of order");
            if (total is not null) return new VerdictRead.Forged($"line {i + 1} follows the closing line");
            if (root.TryGetProperty("end", out _))
            {
                if (root.GetProperty("count").GetInt64() != i) return new VerdictRead.Forged("the closing count does not match the lines");
                total = root.GetProperty("time").GetDouble();
                continue;
            }
            cases.Add(new TestCaseResult(
                root.GetProperty("type").GetString() ?? "", root.GetProperty("method").GetString() ?? "",
                root.GetProperty("name").GetString() ?? "", root.GetProperty("result").GetString() ?? "",
                root.GetProperty("message").GetString(), root.GetProperty("stack").GetString(),
                root.TryGetProperty("output", out var output) ? output.GetString() : null));
        }
        // No closing line: the process died mid-run; what it wrote before is not trusted to be complete.
        if (total is null) return new VerdictRead.Missing();
        return new VerdictRead.Verified(new XunitReport(TestResultGrouping.ByMethod(cases, includeStackTop), TimeSpan.FromSeconds(total.Value)));
    }
}
