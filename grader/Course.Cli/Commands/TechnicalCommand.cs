using System.CommandLine;
using Course.Certification.Credentials;
using Course.Certification.Technical;
using Course.Model;
using Course.Model.Files;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course technical start --cohort C --learner ID [--out DIR] [--key K]</c>: hands out a learner's technical test —
/// one variant per task T1–T5 drawn from (cohort, learner), the stubs and public tests of those variants, a README
/// and a start token signed with the instructor key. <c>course technical receive &lt;folder&gt; --cohort C --learner ID</c>:
/// signs a receipt of a handed-in folder (its time and the hash of its sources). <c>course certify</c> grades it.
/// </summary>
public static class TechnicalCommand
{
    public static Command Create()
    {
        var cohort = new Option<string>("--cohort") { Description = "cohort id (part of the draw's seed; must match course certify --cohort)", Required = true };
        var learner = new Option<string>("--learner") { Description = "learner id (the roster folder's name)", Required = true };
        var output = new Option<string?>("--out") { Description = "folder to write (default: technical-<learner>)" };
        var key = new Option<string?>("--key") { Description = $"the instructor's private key (default: ${InstructorKey.FolderVariable}/{InstructorKey.PrivateFile}, else ~/course-keys/{InstructorKey.PrivateFile})" };
        var courseRoot = CourseRootOption.Create();
        var start = new Command("start", "Draw the learner's technical-test variants and write the stub project, public tests, README and signed start token.")
        {
            cohort, learner, output, key, courseRoot,
        };
        start.SetAction(parse =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var (c, l) = (parse.GetRequiredValue(cohort), parse.GetRequiredValue(learner));
            using var signingKey = InstructorKey.LoadPrivateOrExplain(parse.GetValue(key));
            var outDir = Path.GetFullPath(parse.GetValue(output) ?? $"technical-{l}");
            if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
                throw new UsageException($"--out {outDir} is not empty (a second hand-out would restart the clock)");
            var token = new StartToken(c, l, TechnicalPools.Draw(c, l), DateTimeOffset.UtcNow);
            TechnicalHandout.Write(layout, outDir, token, token.Sign(signingKey));
            Console.WriteLine($"{l}: {string.Join(", ", token.Variants.Select(v => $"{v.Task} {v.Id}"))}; started {token.Start:yyyy-MM-dd HH:mm:ss}Z, due {token.Deadline:HH:mm:ss}Z: {outDir}");
            return ExitCodes.Ok;
        });
        var command = new Command("technical", "The Day-10 technical test (120 minutes, tasks T1–T6).");
        command.Subcommands.Add(start);
        command.Subcommands.Add(Receive(cohort, learner, key, courseRoot));
        return command;
    }

    /// <summary>When a learner hands in: the receipt the grader takes the submission time from.</summary>
    private static Command Receive(Option<string> cohort, Option<string> learner, Option<string?> key, Option<string?> courseRoot)
    {
        var folder = new Argument<string>("folder") { Description = $"the handed-in folder: {TechnicalPools.Project}/ and {StartToken.FileName} (in a roster: <learner>/technical)" };
        var receive = new Command("receive", $"Sign a receipt of a handed-in technical test: now, and the SHA-256 of its sources ({SubmissionReceipt.FileName} beside the start token).")
        {
            folder, cohort, learner, key, courseRoot,
        };
        receive.SetAction(parse =>
        {
            var (c, l) = (parse.GetRequiredValue(cohort), parse.GetRequiredValue(learner));
            var dir = Path.GetFullPath(parse.GetRequiredValue(folder));
            var sources = Path.Combine(dir, TechnicalPools.Project);
            var tokenFile = Path.Combine(dir, StartToken.FileName);
            if (!Directory.Exists(sources)) throw new CourseInputException($"{sources}: no {TechnicalPools.Project}/ folder in the handed-in folder");
            if (!File.Exists(tokenFile)) throw new CourseInputException($"{tokenFile}: no start token in the handed-in folder");
            using var signingKey = InstructorKey.LoadPrivateOrExplain(parse.GetValue(key));
            var (token, problem) = StartToken.Verify(File.ReadAllText(tokenFile), signingKey, c, l);
            if (token is null) throw new CourseInputException($"{tokenFile}: {problem}");
            var receipt = new SubmissionReceipt(c, l, DateTimeOffset.UtcNow, SubmissionReceipt.SourcesSha256(sources));
            var receiptFile = Path.Combine(dir, SubmissionReceipt.FileName);
            var replaces = File.Exists(receiptFile) ? " (replaces the earlier receipt)" : "";
            AtomicFile.WriteAllText(receiptFile, receipt.Sign(signingKey) + "\n");
            var when = receipt.Received > token.Deadline ? $"LATE: after the deadline {token.Deadline:HH:mm:ss}Z, the technical part will score 0" : $"on time (deadline {token.Deadline:HH:mm:ss}Z)";
            Console.WriteLine($"{l}: received {receipt.Received:yyyy-MM-dd HH:mm:ss}Z, {when}; sources SHA-256 {receipt.Sha256[..12]}…: {receiptFile}{replaces}");
            return ExitCodes.Ok;
        });
        return receive;
    }
}
