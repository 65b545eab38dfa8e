using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Certification.Credentials;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Course.Model.Files;

namespace Course.Certification.Technical;

/// <summary>
/// The technical-test part of a roster learner folder (<c>technical/Technical/</c> beside <c>technical/start-token.jwt</c>),
/// graded once per content: the result is kept under the certify output as <c>technical/&lt;id&gt;/result.json</c> with
/// the hash of everything that decides it (sources, token, submission time, trusted key, course version, options), and
/// a re-run with the same inputs reads it back instead of grading again.
/// </summary>
public sealed class TechnicalSubmission(SubmissionGrader grader, string storeDir)
{
    public const string Folder = "technical/Technical";
    public const string TokenPath = "technical/" + StartToken.FileName;
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
        var submitted = TechnicalGrade.SubmittedAt(folder);
        var key = InputsKey(folder, token, submitted, trusted, cohort, learner, options);
        var stored = Path.Combine(storeDir, learner);
        if (!force && Read(stored, key) is { } earlier) return (earlier, true);

        var result = await TechnicalGrade.GradeAsync(grader, folder, token, trusted, cohort, learner, submitted, options, cancel);
        // Result first, key last: a run killed between the two leaves a key that matches nothing, so it grades again.
        Directory.CreateDirectory(stored);
        if (File.Exists(Path.Combine(stored, InputsFile))) File.Delete(Path.Combine(stored, InputsFile));
        AtomicFile.WriteAllText(Path.Combine(stored, ResultFile), JsonSerializer.Serialize(result, Json) + "\n");
        AtomicFile.WriteAllText(Path.Combine(stored, InputsFile), key + "\n");
        return (result, false);
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

    private string InputsKey(string folder, string token, DateTimeOffset submitted, ECDsa trusted, string cohort, string learner, GradeOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Submission.SourceFilesOf(folder).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file).Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join("\n", "", token.Trim(), submitted.UtcTicks.ToString(CultureInfo.InvariantCulture),
            InstructorKey.Thumbprint(trusted), cohort, learner, grader.Manifest.Version, options.PublicOnly ? "public-only" : "all-tests")));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
