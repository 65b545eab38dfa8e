using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Certification.Credentials;
using Course.Certification.Results;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Course.Model.Files;

namespace Course.Certification.Technical;

/// <summary>
/// The technical-test part of a roster learner folder (<c>technical/Technical/</c> beside <c>technical/start-token.jwt</c>
/// and, when the instructor received it with <c>course technical receive</c>, <c>technical/receipt.jwt</c>), graded once
/// per content. The submission time is the receipt's; without a receipt it is the newest file time, and the result
/// says so. Sources that differ from what the receipt recorded are rejected, not graded. Results are kept under the certify output as <c>technical/&lt;id&gt;/result.json</c> with
/// the hash of everything that decides it (sources, token, submission time, trusted key, course version, options), and
/// a re-run with the same inputs reads it back instead of grading again.
/// </summary>
public sealed class TechnicalSubmission(SubmissionGrader grader, string storeDir)
{
    public const string Folder = "technical/Technical";
    public const string TokenPath = "technical/" + StartToken.FileName;
    public const string ReceiptPath = "technical/" + SubmissionReceipt.FileName;
    private const string ResultFile = "result.json";
    private const string InputsFile = "inputs.sha256";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whether the learner handed in a technical test at all (folder and token).</summary>
    public static bool IsPresent(string learnerFolder) =>
        Directory.Exists(Path.Combine(learnerFolder, Folder)) && File.Exists(Path.Combine(learnerFolder, TokenPath));

    /// <summary>The graded test and whether it was read back from an earlier run; null when the folder holds none.</summary>
    public async Task<(TechnicalResult Result, bool Resumed)?> GradeAsync(string learnerFolder, ECDsa trusted, string cohort, string learner,
        GradeOptions options, bool force, CancellationToken cancel = default)
    {
        if (!IsPresent(learnerFolder)) return null;
        var folder = Path.Combine(learnerFolder, Folder);
        var token = await File.ReadAllTextAsync(Path.Combine(learnerFolder, TokenPath), cancel);
        var receiptFile = Path.Combine(learnerFolder, ReceiptPath);
        var receipt = File.Exists(receiptFile) ? (await File.ReadAllTextAsync(receiptFile, cancel)).Trim() : null;
        var sources = SubmissionReceipt.SourcesSha256(folder);
        var key = InputsKey(sources, token, receipt ?? TechnicalGrade.SubmittedAt(folder).UtcTicks.ToString(CultureInfo.InvariantCulture),
            trusted, cohort, learner, options);
        var stored = Path.Combine(storeDir, learner);
        if (!force && Read(stored, key) is { } earlier) return (earlier, true);

        var result = await GradeAsync(folder, token, receipt, sources, trusted, cohort, learner, options, cancel);
        // Result first, key last: a run killed between the two leaves a key that matches nothing, so it grades again.
        Directory.CreateDirectory(stored);
        if (File.Exists(Path.Combine(stored, InputsFile))) File.Delete(Path.Combine(stored, InputsFile));
        AtomicFile.WriteAllText(Path.Combine(stored, ResultFile), JsonSerializer.Serialize(result, Json) + "\n");
        AtomicFile.WriteAllText(Path.Combine(stored, InputsFile), key + "\n");
        return (result, false);
    }

    private async Task<TechnicalResult> GradeAsync(string folder, string token, string? receiptJwt, string sources, ECDsa trusted,
        string cohort, string learner, GradeOptions options, CancellationToken cancel)
    {
        if (receiptJwt is null)
        {
            var result = await TechnicalGrade.GradeAsync(grader, folder, token, trusted, cohort, learner, TechnicalGrade.SubmittedAt(folder), options, cancel);
            return result with { Problems = [.. result.Problems, $"no {SubmissionReceipt.FileName} (course technical receive): the submission time is the newest file time"] };
        }
        var (receipt, problem) = SubmissionReceipt.Verify(receiptJwt, trusted, cohort, learner);
        if (receipt is null) return new TechnicalResult(ComponentStatus.Rejected, 0, [], null, sources, [problem!]);
        if (receipt.Sha256 != sources)
            return new TechnicalResult(ComponentStatus.Rejected, 0, [], receipt.Received, sources,
                [$"the files differ from those received at {receipt.Received.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z (SHA-256 {receipt.Sha256[..12]}…, now {sources[..12]}…)"]);
        return await TechnicalGrade.GradeAsync(grader, folder, token, trusted, cohort, learner, receipt.Received, options, cancel);
    }

    private static TechnicalResult? Read(string stored, string key)
    {
        try
        {
            if (!File.Exists(Path.Combine(stored, InputsFile)) || File.ReadAllText(Path.Combine(stored, InputsFile)).Trim() != key) return null;
            return JsonSerializer.Deserialize<TechnicalResult>(File.ReadAllText(Path.Combine(stored, ResultFile)), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }

    private string InputsKey(string sources, string token, string submission, ECDsa trusted, string cohort, string learner, GradeOptions options)
    {
        var text = string.Join("\n", sources, token.Trim(), submission, InstructorKey.Thumbprint(trusted), cohort, learner,
            grader.Manifest.Version, options.PublicOnly ? "public-only" : "all-tests");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
