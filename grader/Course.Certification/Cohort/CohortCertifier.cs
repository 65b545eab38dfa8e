using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Certification.Analysis;
using Course.Certification.Credentials;
using Course.Certification.Knowledge;
using Course.Certification.Printing;
using Course.Certification.Results;
using Course.Certification.Technical;
using Course.Grader;
using Course.Grader.Grading;
using Course.Grader.Results;
using Course.Grader.Roster;
using Course.Grader.Submissions;
using Course.Model;
using Course.Model.Files;

namespace Course.Certification.Cohort;

/// <summary>What a certify run did: the outcomes (none for a shard), who was skipped and why, and the certificates.</summary>
public sealed record CertifyReport(
    IReadOnlyList<CertificationOutcome> Outcomes, IReadOnlyDictionary<string, string> Skipped, int Graded, int Certificates,
    string KeyThumbprint, string? AnalysisSummary, IReadOnlyList<string> Warnings);

/// <summary>
/// The Day-10 certification of a cohort, as stages: read the roster → stage each openable learner's DayNN sources →
/// grade the coursework as a roster run (resumable) → grade the technical tests (resumable) → score the knowledge
/// answers against each learner's own paper → certify (weights, pass conditions, rank, awards) → write results.json
/// and, for each passing learner, a signed certificate with its printable HTML and PDF, then summary.csv, awards.md
/// and the instructor's analysis. A learner folder that cannot be graded is reported and skipped, never the class.
/// </summary>
public sealed class CohortCertifier(CourseLayout layout)
{
    public const string CourseworkFolder = "coursework";
    public const string StagingFolder = "coursework-roster";
    public const string TechnicalFolder = "technical";
    public const string LearnersFolder = "learners";
    public const string ResultsFile = "results.json";
    public const string CertificateFile = "certificate.jwt";
    public const string CertificateHtmlFile = "certificate.html";
    public const string CertificatePdfFile = "certificate.pdf";

    /// <exception cref="CourseInputException">No certification block, no roster, an exam bank too small, nobody gradable.</exception>
    public async Task<CertifyReport> RunAsync(CertifyOptions run, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        var manifest = layout.LoadManifest();
        var settings = manifest.Certification ?? throw new CourseInputException($"{layout.ManifestPath}: no 'certification' block");
        var rosterDir = Path.GetFullPath(run.RosterDir);
        var outDir = Path.GetFullPath(run.OutDir);
        var bank = ExamBank.Load(ExamBank.FolderOf(layout));
        IReadOnlyList<(string Id, string Folder)> roster;
        try { roster = RosterGrader.ReadRoster(rosterDir); }
        catch (GradingException e) { throw new CourseInputException(e.Message); }
        KnowledgePaper.Draw(bank, run.Cohort, roster[0].Id, settings.KnowledgeQuestionsPerDay); // a bank too small for the draw is bad input, before any grading
        var folders = roster.ToDictionary(l => l.Id, l => l.Folder, StringComparer.Ordinal);
        var learners = (run.Shard ?? RosterShard.Whole).Select(roster, l => l.Id);
        var thumbprint = InstructorKey.Thumbprint(run.SigningKey);
        if (learners.Count == 0) return new CertifyReport([], new Dictionary<string, string>(), 0, 0, thumbprint, null, []); // a shard beyond the roster's size

        // Stage: only openable folders go to the roster grading (one per shard, so shards sharing --out never collide).
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        var staging = Path.Combine(outDir, run.Sharded ? $"{StagingFolder}-{run.Shard!.Index}-of-{run.Shard.Count}" : StagingFolder);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var (id, folder) in learners)
        {
            try { Stage(Submission.Open(folder), Path.Combine(staging, id)); }
            catch (GradingException e) { Skip(id, e.Message); }
        }
        if (skipped.Count == learners.Count) throw new CourseInputException($"{rosterDir}: no learner folder could be graded (see above)");

        var slots = new SemaphoreSlim(run.Jobs ?? Environment.ProcessorCount);
        var options = new GradeOptions
        {
            PublicOnly = !Directory.Exists(Path.Combine(layout.Root, "grader", "hidden")),
            MaxParallelism = run.Jobs,
            ProcessSlots = slots,
            HiddenPaths = [rosterDir, outDir],
        };
        var grader = new SubmissionGrader(layout);
        var coursework = await new RosterGrader(grader).GradeAsync(staging, Path.Combine(outDir, CourseworkFolder), options, (learner, s) =>
            progress?.Report($"{learner}: coursework {s.Status.Text()}{(s.Result is { } r ? $" {Num(r.Score)}/{Num(r.MaxScore)}" : "")}{(s.Error is { } e ? $" ({e})" : "")}"),
            cancel, force: run.Force);
        foreach (var s in coursework.Where(s => s.Result is null)) Skip(s.Learner, s.Error ?? "coursework could not be graded");

        var technical = new TechnicalSubmission(grader, Path.Combine(outDir, TechnicalFolder));
        var gradable = coursework.Where(s => s.Result is not null).ToList();
        var tests = new TechnicalResult?[gradable.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, gradable.Count),
            new ParallelOptions { MaxDegreeOfParallelism = run.Jobs ?? Environment.ProcessorCount, CancellationToken = cancel },
            async (i, ct) =>
            {
                var id = gradable[i].Learner;
                if (await technical.GradeAsync(FolderOf(id), run.SigningKey, run.Cohort, id, options, run.Force, ct) is not var (result, resumed)) return;
                tests[i] = result;
                progress?.Report($"{id}: technical {(resumed ? "already_graded" : "graded")} {result.Status.Text()} {Num(result.Score)}/100" +
                                 (result.ModelAccuracy is { } a ? $" (T6 held-out accuracy {a.ToString("0.0000", CultureInfo.InvariantCulture)})" : ""));
            });

        if (run.Sharded)
            return new CertifyReport([], skipped, gradable.Count, 0, thumbprint, null, []);

        var records = new List<LearnerRecord>();
        for (var i = 0; i < gradable.Count; i++)
        {
            var id = gradable[i].Learner;
            try { records.Add(LearnerRecord.Collect(id, FolderOf(id), gradable[i].Result!, bank, run.Cohort, settings, tests[i])); }
            catch (Exception e) when (e is CourseInputException or IOException or JsonException or FormatException) { Skip(id, e.Message); }
        }
        if (records.Count == 0) throw new CourseInputException($"{rosterDir}: no learner could be certified (see above)");

        var outcomes = CohortCertification.Certify(records.Select(r => r.Components).ToList(), settings);
        var warnings = new List<string>();
        var certificates = WriteLearners(run, manifest, outDir, records, outcomes, thumbprint, warnings);
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.csv"), CohortSummaryCsv.Render(roster.Select(l => l.Id).ToList(), records, outcomes, skipped));
        AtomicFile.WriteAllText(Path.Combine(outDir, "awards.md"), CohortReports.AwardsMarkdown(outcomes));
        var analysis = CohortAnalysis.Write(outDir, run.Cohort, $"{manifest.Title.Ja} / {manifest.Title.En}", settings, bank, outcomes,
            records.ToDictionary(r => r.Components.LearnerId, r => r.Knowledge), skipped, roster, layout);
        return new CertifyReport(outcomes, skipped, gradable.Count, certificates, thumbprint, analysis.Summary, warnings);

        string FolderOf(string id) => folders[id];

        void Skip(string id, string reason)
        {
            skipped[id] = reason;
            progress?.Report($"course: {id}: skipped: {reason}");
        }
    }

    /// <summary>results.json for everybody; certificate.jwt/.html/.pdf for passing learners (an earlier run's are removed for failing ones).</summary>
    private static int WriteLearners(CertifyOptions run, CourseManifest manifest, string outDir, IReadOnlyList<LearnerRecord> records,
        IReadOnlyList<CertificationOutcome> outcomes, string thumbprint, List<string> warnings)
    {
        var issuer = run.Issuer ?? $"urn:course-instructor:{thumbprint}";
        var issued = DateTimeOffset.UtcNow;
        var certificates = 0;
        var printPdf = true;
        foreach (var (record, outcome) in records.Zip(outcomes))
        {
            var folder = Path.Combine(outDir, LearnersFolder, record.Components.LearnerId);
            var results = Encoding.UTF8.GetBytes(LearnerResultsJson.Render(record, outcome, run.Cohort));
            AtomicFile.WriteAllBytes(Path.Combine(folder, ResultsFile), results);
            var certificate = Path.Combine(folder, CertificateFile);
            if (outcome.Result == CertificationResult.Fail)
            {
                foreach (var file in new[] { certificate, Path.Combine(folder, CertificateHtmlFile), Path.Combine(folder, CertificatePdfFile) })
                    if (File.Exists(file)) File.Delete(file);
                continue;
            }
            var c = record.Components;
            var content = new CertificateContent(run.Cohort, c.LearnerId, c.Name, manifest.Title.Ja, manifest.Title.En, run.Instructor, issuer, issued,
                Round(c.Coursework), Round(c.Knowledge), Round(c.Technical), outcome.Total, CertificationOutcome.Label(outcome.Result), outcome.Awards,
                Convert.ToHexStringLower(SHA256.HashData(results)));
            AtomicFile.WriteAllText(certificate, VcJwt.Sign(OpenBadgeCredential.Create(content), run.SigningKey) + "\n");
            AtomicFile.WriteAllText(Path.Combine(folder, CertificateHtmlFile), CertificateHtml.Render(content));
            if (printPdf)
            {
                try { AtomicFile.WriteAllBytes(Path.Combine(folder, CertificatePdfFile), CertificatePdf.Render(content)); }
                catch (InvalidOperationException e)
                {
                    printPdf = false;
                    warnings.Add($"{e.Message}; certificates are written as .jwt and .html only");
                }
            }
            certificates++;
        }
        return certificates;
    }

    /// <summary>Copies the learner's DayNN sources (the only files the grader reads) into the staging roster; a day
    /// without sources still gets its folder, so it counts as submitted.</summary>
    private static void Stage(Submission submission, string target)
    {
        foreach (var (_, dayFolder) in submission.DayFolders)
            FolderCopy.CopySources(dayFolder, Path.Combine(target, Path.GetFileName(dayFolder)));
    }

    private static double Round(double v) => Math.Round(v, 2);

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
