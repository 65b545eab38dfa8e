using System.CommandLine;
using System.Globalization;
using Course.Certification.Cohort;
using Course.Certification.Credentials;
using Course.Certification.Results;
using Course.Grader.Roster;
using Course.Model;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course certify &lt;roster&gt; --out DIR [--cohort C] [--key instructor.key.pem] [--jobs N] [--shard K/N] [--force]</c>:
/// the Day-10 results of a cohort (<see cref="CohortCertifier"/>). Per learner folder: DayNN/ coursework,
/// <c>knowledge/answers.csv</c>, <c>technical/Technical/</c> with <c>technical/start-token.jwt</c> (or an instructor's
/// <c>technical/score.json</c>), optionally <c>name.txt</c>.
/// </summary>
public static class CertifyCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("roster") { Description = "the roster folder: one sub-folder per learner with DayNN/ folders, knowledge/answers.csv, technical/Technical/ + technical/start-token.jwt (or technical/score.json), name.txt" };
        var output = new Option<string>("--out") { Description = "folder for coursework/ and technical/ (the gradings, resumed by content hash), learners/<id>/ (results.json, certificate.jwt/.html/.pdf), summary.csv, awards.md, items.csv, similarity.html, cohort.html", Required = true };
        var cohort = new Option<string?>("--cohort") { Description = "cohort id, part of each knowledge paper's seed and of each start token (default: the roster folder's name)" };
        var key = new Option<string?>("--key") { Description = $"the instructor's private key (default: ${InstructorKey.FolderVariable}/{InstructorKey.PrivateFile}, else ~/course-keys/{InstructorKey.PrivateFile})" };
        var instructor = new Option<string?>("--instructor") { Description = "the instructor's name on the certificates (default: Instructor)" };
        var issuer = new Option<string?>("--issuer") { Description = "the issuer id (a URI) on the certificates (default: urn:course-instructor:<key thumbprint>)" };
        var jobs = new Option<int?>("--jobs") { Description = "concurrent test processes (default: core count)" };
        var shard = new Option<string?>("--shard") { Description = "grade only slice K of N of the roster (K/N, by learner id) into --out and certify nobody; a last run without --shard into the same --out ranks the class" };
        var force = new Option<bool>("--force") { Description = "grade every learner again, even when their inputs are unchanged since the last run" };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("certify", "Day-10 certification of a cohort: coursework, knowledge test, technical test → results, ranks, awards, signed certificates.")
        {
            roster, output, cohort, key, instructor, issuer, jobs, shard, force, courseRoot,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var rosterDir = Path.GetFullPath(parse.GetRequiredValue(roster));
            if (!Directory.Exists(rosterDir)) throw new CourseInputException($"{rosterDir}: roster folder not found");
            var outDir = Path.GetFullPath(parse.GetRequiredValue(output));
            if ((outDir + Path.DirectorySeparatorChar).StartsWith(rosterDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new UsageException($"--out {outDir} is inside the roster folder (it would be read as a learner)");
            using var signingKey = InstructorKey.LoadPrivateOrExplain(parse.GetValue(key));
            RosterShard? slice;
            try { slice = parse.GetValue(shard) is { } text ? RosterShard.Parse(text) : null; }
            catch (Course.Grader.GradingException e) { throw new UsageException(e.Message); }

            var run = new CertifyOptions(rosterDir, outDir, parse.GetValue(cohort) ?? Path.GetFileName(rosterDir), signingKey,
                parse.GetValue(instructor) ?? "Instructor", parse.GetValue(issuer), parse.GetValue(jobs), parse.GetValue(force), slice);
            var report = await new CohortCertifier(layout).RunAsync(run, new SynchronousProgress(Console.Error), cancel);

            foreach (var warning in report.Warnings) Console.Error.WriteLine($"warning: {warning}");
            if (run.Sharded)
            {
                Console.WriteLine($"shard {slice}: {report.Graded} learner(s) graded, {report.Skipped.Count} skipped, into {outDir}; " +
                                  $"run `course certify {rosterDir} --out {outDir}` without --shard once every shard is done to rank and certify the class");
                return ExitCodes.Ok;
            }
            foreach (var o in report.Outcomes)
                Console.WriteLine($"{o.Learner.LearnerId}: {CertificationOutcome.Code(o.Result)} total {Num(o.Total)} rank {o.Rank}" +
                                  (o.FailedConditions.Count > 0 ? $" ({string.Join("; ", o.FailedConditions)})" : "") +
                                  (o.Awards.Count > 0 ? $" awards: {string.Join("; ", o.Awards)}" : ""));
            Console.WriteLine($"{report.Outcomes.Count} certified ({report.Certificates} certificates signed with key {report.KeyThumbprint}), {report.Skipped.Count} skipped: " +
                              $"{Path.Combine(outDir, "summary.csv")}, {Path.Combine(outDir, "awards.md")}");
            Console.WriteLine(report.AnalysisSummary);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Progress lines written as they happen, from whichever thread reports them (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        private readonly Lock gate = new();

        public void Report(string value)
        {
            lock (gate) writer.WriteLine(value);
        }
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
