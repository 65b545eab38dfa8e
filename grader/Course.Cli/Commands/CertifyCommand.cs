using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Certification.Analysis;
using Course.Certification.Credentials;
using Course.Certification.Printing;
using Course.Certification.Knowledge;
using Course.Certification.Results;
using Course.Certification.Technical;
using Course.Grader;
using Course.Grader.Grading;
using Course.Grader.Results;
using Course.Grader.Roster;
using Course.Grader.Submissions;
using Course.Model;
using Course.Model.Files;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course certify &lt;roster&gt; --out DIR [--cohort C] [--key instructor.key.pem] [--jobs N]</c>: the Day-10 results of a
/// cohort. Per learner folder (DayNN/ coursework, <c>knowledge/answers.csv</c>, optionally an instructor-written
/// <c>technical/score.json</c>): the coursework is graded as <c>course grade --roster</c> does (and resumes the same way),
/// the answers are scored against the learner's own paper, then the cohort is certified (weights, pass conditions, dense
/// rank, awards). Writes <c>learners/&lt;id&gt;/results.json</c>, for each passing learner a signed <c>certificate.jwt</c> with
/// its printable <c>certificate.html</c> and <c>certificate.pdf</c>,
/// <c>summary.csv</c> and <c>awards.md</c>. A learner folder that cannot be graded is reported and skipped.
/// </summary>
public static class CertifyCommand
{
    public const string CourseworkFolder = "coursework";
    public const string StagingFolder = "coursework-roster";
    public const string LearnersFolder = "learners";
    public const string CertificateFile = "certificate.jwt";
    public const string CertificateHtmlFile = "certificate.html";
    public const string CertificatePdfFile = "certificate.pdf";
    public const string AnswersPath = "knowledge/answers.csv";
    public const string TechnicalPath = "technical/score.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var roster = new Argument<string>("roster") { Description = "the roster folder: one sub-folder per learner with DayNN/ folders, knowledge/answers.csv and optionally technical/score.json" };
        var output = new Option<string>("--out") { Description = "folder for coursework/ (the roster grading), learners/<id>/ (results.json, certificate.jwt), summary.csv and awards.md", Required = true };
        var cohort = new Option<string?>("--cohort") { Description = "cohort id, part of each knowledge paper's seed (default: the roster folder's name)" };
        var key = new Option<string?>("--key") { Description = $"the instructor's private key (default: ${InstructorKey.FolderVariable}/{InstructorKey.PrivateFile}, else ~/course-keys/{InstructorKey.PrivateFile})" };
        var instructor = new Option<string?>("--instructor") { Description = "the instructor's name on the certificates (default: Instructor)" };
        var issuer = new Option<string?>("--issuer") { Description = "the issuer id (a URI) on the certificates (default: urn:course-instructor:<key thumbprint>)" };
        var jobs = new Option<int?>("--jobs") { Description = "concurrent test processes (default: core count)" };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("certify", "Day-10 certification of a cohort: coursework, knowledge test, technical test → results, ranks, awards, signed certificates.")
        {
            roster, output, cohort, key, instructor, issuer, jobs, courseRoot,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var manifest = layout.LoadManifest();
            var settings = manifest.Certification ?? throw new CourseInputException($"{layout.ManifestPath}: no 'certification' block");
            var rosterDir = Path.GetFullPath(parse.GetRequiredValue(roster));
            if (!Directory.Exists(rosterDir)) throw new CourseInputException($"{rosterDir}: roster folder not found");
            var outDir = Path.GetFullPath(parse.GetRequiredValue(output));
            if ((outDir + Path.DirectorySeparatorChar).StartsWith(rosterDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new UsageException($"--out {outDir} is inside the roster folder (it would be read as a learner)");
            var cohortId = parse.GetValue(cohort) ?? Path.GetFileName(rosterDir);
            var keyPath = Path.GetFullPath(parse.GetValue(key) ?? Path.Combine(InstructorKey.DefaultFolder, InstructorKey.PrivateFile));
            if (!File.Exists(keyPath))
                throw new CourseInputException($"{keyPath}: no instructor signing key; run `course keys init` (or pass --key <{InstructorKey.PrivateFile}>)");
            using var signingKey = InstructorKey.LoadPrivate(keyPath);
            var bank = ExamBank.Load(ExamBank.FolderOf(layout));

            var learners = Directory.EnumerateDirectories(rosterDir)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(d => (Id: Path.GetFileName(d), Folder: d))
                .ToList();
            if (learners.Count == 0) throw new CourseInputException($"{rosterDir}: roster has no learner folders (expected one sub-folder per learner)");
            KnowledgePaper.Draw(bank, cohortId, learners[0].Id, settings.KnowledgeQuestionsPerDay); // a bank too small for the draw is bad input, before any grading

            // A learner folder the grader cannot open is skipped, never the class: only openable ones go to the roster grading.
            var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
            var staging = Path.Combine(outDir, StagingFolder);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            foreach (var (id, folder) in learners)
            {
                try { Stage(Submission.Open(folder), Path.Combine(staging, id)); }
                catch (GradingException e) { skipped[id] = e.Message; }
            }
            foreach (var (id, reason) in skipped) Console.Error.WriteLine($"course: {id}: skipped: {reason}");
            var gradable = learners.Where(l => !skipped.ContainsKey(l.Id)).ToList();
            if (gradable.Count == 0) throw new CourseInputException($"{rosterDir}: no learner folder could be graded (see above)");

            var options = new GradeOptions
            {
                PublicOnly = !Directory.Exists(Path.Combine(layout.Root, "grader", "hidden")),
                MaxParallelism = parse.GetValue(jobs),
                HiddenPaths = [rosterDir, outDir],
            };
            var dayGrader = new SubmissionGrader(layout);
            var rosterGrader = new RosterGrader(dayGrader);
            var graded = await rosterGrader.GradeAsync(staging, Path.Combine(outDir, CourseworkFolder), options, (learner, s) =>
                Console.Error.WriteLine($"{learner}: coursework {s.Status.Text()}{(s.Result is { } r ? $" {r.Score.ToString("0.##", CultureInfo.InvariantCulture)}/{r.MaxScore.ToString("0.##", CultureInfo.InvariantCulture)}" : "")}{(s.Error is { } e ? $" ({e})" : "")}"),
                cancel);

            var records = new List<LearnerRecord>();
            foreach (var summary in graded)
            {
                var folder = learners.Single(l => l.Id == summary.Learner).Folder;
                if (summary.Result is null)
                {
                    skipped[summary.Learner] = summary.Error ?? "coursework could not be graded";
                    Console.Error.WriteLine($"course: {summary.Learner}: skipped: {skipped[summary.Learner]}");
                    continue;
                }
                try
                {
                    var technicalTest = await TechnicalSubmission.GradeAsync(dayGrader, folder, signingKey, cohortId, summary.Learner, options with { HiddenPaths = [rosterDir, outDir] }, cancel);
                    records.Add(Collect(summary.Learner, folder, summary.Result, bank, cohortId, settings, technicalTest));
                }
                catch (Exception e) when (e is CourseInputException or IOException or JsonException or FormatException)
                {
                    skipped[summary.Learner] = e.Message;
                    Console.Error.WriteLine($"course: {summary.Learner}: skipped: {e.Message}");
                }
            }
            if (records.Count == 0) throw new CourseInputException($"{rosterDir}: no learner could be certified (see above)");

            var outcomes = CohortCertification.Certify(records.Select(r => r.Components).ToList(), settings);
            var thumbprint = InstructorKey.Thumbprint(signingKey);
            var issuerId = parse.GetValue(issuer) ?? $"urn:course-instructor:{thumbprint}";
            var instructorName = parse.GetValue(instructor) ?? "Instructor";
            var issued = DateTimeOffset.UtcNow;
            var certificates = 0;
            var printPdf = true;
            foreach (var (record, outcome) in records.Zip(outcomes))
            {
                var folder = Path.Combine(outDir, LearnersFolder, record.Components.LearnerId);
                var results = Encoding.UTF8.GetBytes(ResultsJson(record, outcome, cohortId));
                AtomicFile.WriteAllBytes(Path.Combine(folder, "results.json"), results);
                var certificate = Path.Combine(folder, CertificateFile);
                if (outcome.Result == CertificationResult.Fail)
                {
                    // An earlier run's certificate no longer holds.
                    foreach (var file in new[] { certificate, Path.Combine(folder, CertificateHtmlFile), Path.Combine(folder, CertificatePdfFile) })
                        if (File.Exists(file)) File.Delete(file);
                    continue;
                }
                var content = new CertificateContent(cohortId, record.Components.LearnerId, record.Components.Name, manifest.Title.Ja, manifest.Title.En,
                    instructorName, issuerId, issued, Round(record.Components.Coursework), Round(record.Components.Knowledge), Round(record.Components.Technical),
                    outcome.Total, CertificationOutcome.Label(outcome.Result), outcome.Awards, Convert.ToHexStringLower(SHA256.HashData(results)));
                AtomicFile.WriteAllText(certificate, VcJwt.Sign(OpenBadgeCredential.Create(content), signingKey) + "\n");
                AtomicFile.WriteAllText(Path.Combine(folder, CertificateHtmlFile), CertificateHtml.Render(content));
                if (printPdf)
                {
                    try { AtomicFile.WriteAllBytes(Path.Combine(folder, CertificatePdfFile), CertificatePdf.Render(content)); }
                    catch (InvalidOperationException e)
                    {
                        printPdf = false;
                        Console.Error.WriteLine($"warning: {e.Message}; certificates are written as .jwt and .html only");
                    }
                }
                certificates++;
            }

            AtomicFile.WriteAllText(Path.Combine(outDir, "summary.csv"), SummaryCsv(learners.Select(l => l.Id).ToList(), records, outcomes, skipped));
            AtomicFile.WriteAllText(Path.Combine(outDir, "awards.md"), CohortReports.AwardsMarkdown(outcomes));
            var analysis = CohortAnalysis.Write(outDir, cohortId, $"{manifest.Title.Ja} / {manifest.Title.En}", settings, bank, outcomes,
                records.ToDictionary(r => r.Components.LearnerId, r => r.Knowledge), skipped, learners, layout);
            foreach (var o in outcomes)
                Console.WriteLine($"{o.Learner.LearnerId}: {CertificationOutcome.Code(o.Result)} total {Num(o.Total)} rank {o.Rank}" +
                                  (o.FailedConditions.Count > 0 ? $" ({string.Join("; ", o.FailedConditions)})" : "") +
                                  (o.Awards.Count > 0 ? $" awards: {string.Join("; ", o.Awards)}" : ""));
            Console.WriteLine($"{outcomes.Count} certified ({certificates} certificates signed with key {thumbprint}), {skipped.Count} skipped: " +
                              $"{Path.Combine(outDir, "summary.csv")}, {Path.Combine(outDir, "awards.md")}");
            Console.WriteLine(analysis.Summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One learner's inputs to the certification and what they were computed from.</summary>
    private sealed record LearnerRecord(
        LearnerComponents Components, GradeResult Coursework, string CourseworkStatus,
        KnowledgeScore? Knowledge, string KnowledgeStatus, string? AnswersSha256,
        string TechnicalStatus, string? TechnicalSha256, TechnicalResult? TechnicalTest = null);

    /// <summary>Copies the learner's DayNN sources (the only files the grader reads) into the staging roster.</summary>
    private static void Stage(Submission submission, string target)
    {
        foreach (var (_, dayFolder) in submission.DayFolders)
            foreach (var file in Submission.SourceFilesOf(dayFolder))
            {
                var to = Path.Combine(target, Path.GetRelativePath(submission.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to, overwrite: true);
            }
        foreach (var (_, dayFolder) in submission.DayFolders)
            Directory.CreateDirectory(Path.Combine(target, Path.GetFileName(dayFolder))); // a day without sources still counts as submitted
    }

    private static LearnerRecord Collect(string id, string folder, GradeResult coursework, ExamBank bank, string cohort, CertificationSettings settings, TechnicalResult? technicalTest)
    {
        var dayScores = coursework.Days.ToDictionary(d => d.Day, d => d.MaxScore > 0 ? 100 * d.Score / d.MaxScore : 0);
        var broken = coursework.Days.Where(d => d.Status != DayStatus.Graded).Select(d => $"day{d.Day:00} {d.Status.Text()}").ToList();
        var hidden = coursework.Tests.Where(t => t.Hidden).ToList();
        var allHidden = !coursework.PublicOnly && hidden.Count > 0 && hidden.All(t => t.Passed) && broken.Count == 0;

        var paper = KnowledgePaper.Draw(bank, cohort, id, settings.KnowledgeQuestionsPerDay);
        var answersFile = Path.Combine(folder, AnswersPath);
        KnowledgeScore? knowledge = null;
        string? answersSha = null;
        if (File.Exists(answersFile))
        {
            var bytes = File.ReadAllBytes(answersFile);
            answersSha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            knowledge = KnowledgeScore.Score(paper, Encoding.UTF8.GetString(bytes), $"{id}/{AnswersPath}");
        }

        var technicalFile = Path.Combine(folder, TechnicalPath);
        var (technical, late, accuracy, technicalStatus, technicalSha) = (0.0, false, (double?)null, "not_submitted", (string?)null);
        if (technicalTest is not null) // the graded technical test; technical/score.json is the instructor's override only without one
            (technical, late, technicalStatus, technicalSha) = (technicalTest.Score, technicalTest.Late, technicalTest.Status, technicalTest.SubmissionSha256);
        else if (File.Exists(technicalFile))
        {
            var bytes = File.ReadAllBytes(technicalFile);
            technicalSha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            (technical, late, accuracy) = ReadTechnical(bytes, $"{id}/{TechnicalPath}");
            technicalStatus = late ? "late" : "scored";
            if (late) technical = 0;
        }

        var name = File.Exists(Path.Combine(folder, "name.txt")) && File.ReadLines(Path.Combine(folder, "name.txt")).FirstOrDefault()?.Trim() is { Length: > 0 } n ? n : id;
        var components = new LearnerComponents(id, name, dayScores, knowledge?.Correct ?? 0, paper.Items.Count,
            knowledge?.Pools.ToDictionary(p => p.Pool, p => p.Correct) ?? [], technical, late, accuracy, allHidden);
        return new LearnerRecord(components, coursework, broken.Count == 0 ? "graded" : string.Join("; ", broken),
            knowledge, knowledge is null ? "not_submitted" : "scored", answersSha, technicalStatus, technicalSha, technicalTest);
    }

    /// <summary>
    /// The instructor's technical-test score (the technical test itself is not built): <c>{"score": 0–100, "late": false,
    /// "model_accuracy": 0.95}</c>, only <c>score</c> required.
    /// </summary>
    private static (double Score, bool Late, double? Accuracy) ReadTechnical(byte[] json, string name)
    {
        JsonObject doc;
        try { doc = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("empty"); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { throw new CourseInputException($"{name}: not a JSON object ({e.Message})"); }
        double? Number(string field) => doc[field] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<double>(out var d) => d,
            _ => throw new CourseInputException($"{name}: '{field}' must be a number"),
        };
        var score = Number("score") ?? throw new CourseInputException($"{name}: missing 'score' (0–100)");
        if (score is < 0 or > 100) throw new CourseInputException($"{name}: 'score' {Num(score)} is not within 0–100");
        var accuracy = Number("model_accuracy");
        if (accuracy is < 0 or > 1) throw new CourseInputException($"{name}: 'model_accuracy' {accuracy} is not within 0–1");
        var late = doc["late"] switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw new CourseInputException($"{name}: 'late' must be true or false"),
        };
        return (score, late, accuracy);
    }

    /// <summary>The learner's results.json: no timestamps, so re-running on the same inputs writes the same bytes (and earlier certificates still verify).</summary>
    private static string ResultsJson(LearnerRecord record, CertificationOutcome outcome, string cohort)
    {
        var c = record.Components;
        var doc = new JsonObject
        {
            ["cohort"] = cohort,
            ["learner_id"] = c.LearnerId,
            ["name"] = c.Name,
            ["coursework"] = new JsonObject
            {
                ["score"] = Round(c.Coursework),
                ["status"] = record.CourseworkStatus,
                ["day_scores"] = new JsonObject(c.DayScores.OrderBy(d => d.Key).Select(d => KeyValuePair.Create($"day{d.Key:00}", (JsonNode?)Round(d.Value)))),
                ["all_hidden_tests_passed"] = c.AllHiddenTestsPassed,
                ["public_only"] = record.Coursework.PublicOnly,
                ["submission_sha256"] = record.Coursework.SubmissionSha256,
            },
            ["knowledge"] = new JsonObject
            {
                ["score"] = Round(c.Knowledge),
                ["status"] = record.KnowledgeStatus,
                ["correct"] = c.KnowledgeCorrect,
                ["asked"] = c.KnowledgeAsked,
                ["pools"] = new JsonArray([.. (record.Knowledge?.Pools ?? []).Select(p => (JsonNode)new JsonObject
                {
                    ["pool"] = p.Pool == 10 ? "general" : $"day{p.Pool:00}", ["correct"] = p.Correct, ["asked"] = p.Asked, ["needs_review"] = p.NeedsReview,
                })]),
                ["problems"] = new JsonArray([.. (record.Knowledge?.Problems ?? []).Select(p => (JsonNode)JsonValue.Create(p))]),
                ["answers_sha256"] = record.AnswersSha256,
            },
            ["technical"] = new JsonObject
            {
                ["score"] = Round(c.Technical),
                ["status"] = record.TechnicalStatus,
                ["late"] = c.TechnicalLate,
                ["model_accuracy"] = c.ModelAccuracy,
                ["score_sha256"] = record.TechnicalSha256,
                ["tasks"] = new JsonArray([.. (record.TechnicalTest?.Tasks ?? []).Select(t => (JsonNode)new JsonObject { ["task"] = t.Task, ["variant"] = t.Variant, ["score"] = t.Score, ["max_score"] = t.MaxScore })]),
                ["problems"] = new JsonArray([.. (record.TechnicalTest?.Problems ?? []).Select(p => (JsonNode)JsonValue.Create(p))]),
                ["note"] = record.TechnicalTest is not null ? TechnicalResult.T6Note : "no technical/Technical submission with a start token: the score is the instructor's technical/score.json, else 0",
            },
            ["total"] = outcome.Total,
            ["result"] = CertificationOutcome.Code(outcome.Result),
            ["failed_conditions"] = new JsonArray([.. outcome.FailedConditions.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["rank"] = outcome.Rank,
            ["awards"] = new JsonArray([.. outcome.Awards.Select(a => (JsonNode)JsonValue.Create(a))]),
        };
        return doc.ToJsonString(Indented) + "\n";
    }

    /// <summary>
    /// <see cref="CohortReports.SummaryCsv"/>'s columns plus each component's status and the reason a learner was
    /// skipped; rows in roster order, a skipped learner's numeric cells empty and its result <c>skipped</c>.
    /// </summary>
    private static string SummaryCsv(IReadOnlyList<string> roster, IReadOnlyList<LearnerRecord> records, IReadOnlyList<CertificationOutcome> outcomes,
        IReadOnlyDictionary<string, string> skipped)
    {
        var rows = CohortReports.SummaryCsv(outcomes).TrimEnd('\n').Split('\n');
        var byLearner = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
            byLearner[records[i].Components.LearnerId] = string.Join(",", rows[i + 1], Cell(records[i].CourseworkStatus), records[i].KnowledgeStatus, records[i].TechnicalStatus, "");
        var csv = new StringBuilder(rows[0]).Append(",coursework_status,knowledge_status,technical_status,error\n");
        foreach (var id in roster)
        {
            if (byLearner.TryGetValue(id, out var row)) csv.Append(row).Append('\n');
            else if (skipped.TryGetValue(id, out var reason)) csv.Append(string.Join(",", Cell(id), Cell(id), "", "", "", "", "skipped", "", "", "", "", "", Cell(reason))).Append('\n');
        }
        return csv.ToString();
    }

    private static double Round(double v) => Math.Round(v, 2);

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"").Replace("\n", " ") + "\"" : text;
}
