using System.CommandLine;
using Course.Grader.Roster;
using Course.Model;
using Course.Model.Files;
using Course.Model.Processes;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course roster slurm &lt;roster&gt; --out DIR [--shards N] [--partition P] [--time T] [--array-parallel M] [--submit]</c>:
/// writes a Slurm job array (task i grades shard i+1/N with <c>course grade --roster … --shard</c>) and a merge job;
/// with <c>--submit</c> it submits both through <c>sbatch</c>, the merge depending on the whole array.
/// </summary>
public static class RosterCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("roster") { Description = "the roster folder (one sub-folder per learner)" };
        var output = new Option<string>("--out") { Description = "folder for the scripts, the shard results and the merged class summary", Required = true };
        var shards = new Option<int?>("--shards") { Description = "number of array tasks (default: one per 25 learners)" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition" };
        var time = new Option<string?>("--time") { Description = "wall-time limit per task, HH:MM:SS (default: from the course's per-day budgets)" };
        var arrayParallel = new Option<int?>("--array-parallel") { Description = "at most this many array tasks at once (%M)" };
        var day = new Option<int[]>("--day") { Description = "grade only this day (repeatable), as for course grade" };
        var publicOnly = new Option<bool>("--public-only") { Description = "run the public tests only, as for course grade" };
        var submit = new Option<bool>("--submit") { Description = "submit the array and the dependent merge job with sbatch" };
        var certify = new Option<bool>("--certify") { Description = "the Day-10 certification instead: tasks run course certify --shard into <out>/certify, the dependent job certifies the class there" };
        var cohort = new Option<string?>("--cohort") { Description = "with --certify: the cohort id (default: the roster folder's name)" };
        var key = new Option<string?>("--key") { Description = "with --certify: the instructor's private key, on a path every node can read" };
        var courseRoot = CourseRootOption.Create();
        var slurm = new Command("slurm", "Write (and optionally submit) a Slurm job array that grades the roster in shards, plus a dependent merge job.")
        {
            roster, output, shards, partition, time, arrayParallel, day, publicOnly, submit, certify, cohort, key, courseRoot,
        };
        slurm.SetAction(async (parse, cancel) =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var rosterDir = Path.GetFullPath(parse.GetRequiredValue(roster));
            var learners = RosterGrader.ReadRoster(rosterDir);
            var count = parse.GetValue(shards) ?? Math.Max(1, (learners.Count + 24) / 25);
            if (count < 1 || count > learners.Count) throw new UsageException($"--shards {count}: expected 1 to {learners.Count} (the roster's learners)");
            var manifest = layout.LoadManifest();
            var cpus = Math.Max(1, Math.Min(Environment.ProcessorCount, 2));
            var daySeconds = manifest.GradableDays.Sum(d => d.TimeLimitSeconds > 0 ? d.TimeLimitSeconds : manifest.Grading.DayTimeoutSeconds);
            var outDir = Path.GetFullPath(parse.GetRequiredValue(output));
            var settings = new SlurmJobSettings(CourseInvocation(), layout.Root, rosterDir, outDir, count, cpus,
                parse.GetValue(time) ?? SlurmJob.TimeFor((learners.Count + count - 1) / count, daySeconds, cpus),
                parse.GetValue(partition), parse.GetValue(arrayParallel),
                parse.GetValue(certify)
                    ? [.. parse.GetValue(cohort) is { } c ? new[] { "--cohort", c } : [], .. parse.GetValue(key) is { } k ? new[] { "--key", Path.GetFullPath(k) } : []]
                    : [.. (parse.GetValue(day) ?? []).SelectMany(d => new[] { "--day", d.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                       .. parse.GetValue(publicOnly) ? new[] { "--public-only" } : []],
                parse.GetValue(certify));
            if (parse.GetValue(certify) && ((parse.GetValue(day) ?? []).Length > 0 || parse.GetValue(publicOnly)))
                throw new UsageException("--certify grades every day with every test: --day and --public-only do not apply");
            Directory.CreateDirectory(Path.Combine(outDir, "logs"));
            var array = Path.Combine(outDir, SlurmJob.ArrayScript);
            var merge = Path.Combine(outDir, SlurmJob.MergeScript);
            AtomicFile.WriteAllText(array, SlurmJob.Array(settings));
            AtomicFile.WriteAllText(merge, SlurmJob.Merge(settings));
            Console.WriteLine($"{learners.Count} learners in {count} shards: {array}, {merge}");
            if (!parse.GetValue(submit))
            {
                Console.WriteLine($"submit with: jid=$(sbatch --parsable {array}) && sbatch --dependency=afterok:$jid {merge}");
                return ExitCodes.Ok;
            }
            var arrayJob = await Sbatch(["--parsable", array], cancel);
            var mergeJob = await Sbatch(["--parsable", $"--dependency=afterok:{arrayJob}", merge], cancel);
            Console.WriteLine($"submitted array job {arrayJob} and merge job {mergeJob}");
            return ExitCodes.Ok;
        });
        var shardFolders = new Argument<string[]>("shards") { Description = "the shard output folders (each with roster.json and summary.csv)", Arity = ArgumentArity.OneOrMore };
        var mergeOut = new Option<string>("--out") { Description = "folder for the merged class (learner folders + summary.csv)", Required = true };
        var merge = new Command("merge", "Merge the shard outputs of a cluster run into one class summary (refuses mismatched gradings).") { shardFolders, mergeOut };
        merge.SetAction(parse =>
        {
            var output = parse.GetRequiredValue(mergeOut);
            var learners = RosterMerge.Merge(parse.GetRequiredValue(shardFolders), output);
            Console.WriteLine($"merged {learners} learners → {Path.Combine(output, "summary.csv")}");
            return ExitCodes.Ok;
        });
        var command = new Command("roster", "Class runs beyond one machine: Slurm job arrays and merging their shards.");
        command.Subcommands.Add(slurm);
        command.Subcommands.Add(merge);
        return command;
    }

    /// <summary>How the scripts call this same CLI build: <c>dotnet /abs/course.dll</c>.</summary>
    private static string CourseInvocation() =>
        $"{Environment.ProcessPath ?? "dotnet"} {typeof(RosterCommand).Assembly.Location}";

    private static async Task<string> Sbatch(IReadOnlyList<string> args, CancellationToken cancel)
    {
        var outcome = await ChildProcess.RunAsync("sbatch", args, Environment.CurrentDirectory, TimeSpan.FromMinutes(1), cancel: cancel);
        if (outcome.ExitCode != 0) throw new CourseInputException($"sbatch failed: {outcome.StdErr.Trim()}");
        return outcome.StdOut.Trim().Split(';')[0];
    }
}
