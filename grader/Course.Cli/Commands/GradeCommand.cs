using System.CommandLine;
using System.Globalization;
using Course.Cli.Rendering;
using Course.Grader;
using Course.Grader.Grading;
using Course.Grader.Reports;
using Course.Grader.Results;
using Course.Grader.Roster;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary>
/// course grade &lt;submission&gt; [--day N]… [--json F] [--junit F] [--markdown F] [--fail-under S] [--public-only]
/// course grade --roster &lt;dir&gt; --out &lt;dir&gt; [--day N]… [--public-only]
/// </summary>
public static class GradeCommand
{
    public static Command Create()
    {
        var submission = new Argument<string?>("submission") { Description = "folder shaped like exercises/ (Day01/, Day02/, …)", Arity = ArgumentArity.ZeroOrOne };
        var day = new Option<int[]>("--day") { Description = "grade only this day (repeatable)", AllowMultipleArgumentsPerToken = false };
        var json = new Option<string?>("--json") { Description = "write Gradescope-compatible results.json here" };
        var junit = new Option<string?>("--junit") { Description = "write JUnit XML here" };
        var markdown = new Option<string?>("--markdown") { Description = "write a Markdown report here" };
        var failUnder = new Option<double?>("--fail-under") { Description = "exit 3 when the total score (points) is below this" };
        var publicOnly = new Option<bool>("--public-only") { Description = "run the public tests only (what learners can run)" };
        var timings = new Option<bool>("--timings") { Description = "print where each day's time went: compile, test-process start-up, tests" };
        var roster = new Option<string?>("--roster") { Description = "grade a class: one sub-folder per learner" };
        var outDir = new Option<string?>("--out") { Description = "output folder for --roster (one folder per learner + summary.csv)" };
        var shard = new Option<string?>("--shard") { Description = "with --roster: grade only slice K of N (K/N, by learner id; for cluster job arrays)" };
        var force = new Option<bool>("--force") { Description = "with --roster: grade every learner again, even those whose submission and options are unchanged since their result" };
        var jobs = new Option<int?>("--jobs") { Description = "concurrent test processes (default: core count)" };
        var dayTimeout = new Option<double?>("--day-timeout") { Description = "override the per-day wall-clock limit, seconds" };
        var testTimeout = new Option<double?>("--test-timeout") { Description = "override the per-test wall-clock limit used when re-running after a hang or crash, seconds" };
        var courseRoot = CourseRootOption.Create();

        var command = new Command("grade", "Grade a submission (or a roster of submissions) with the public and hidden tests.")
        {
            submission, day, json, junit, markdown, failUnder, publicOnly, timings, roster, outDir, shard, force, jobs, dayTimeout, testTimeout, courseRoot,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var grader = new SubmissionGrader(layout);
            var options = new GradeOptions
            {
                Days = parse.GetValue(day) is { Length: > 0 } d ? d : null,
                PublicOnly = parse.GetValue(publicOnly) || !Directory.Exists(Path.Combine(layout.Root, "grader", "hidden")),
                MaxParallelism = parse.GetValue(jobs),
                DayTimeout = parse.GetValue(dayTimeout) is { } dt ? TimeSpan.FromSeconds(dt) : null,
                TestTimeout = parse.GetValue(testTimeout) is { } tt ? TimeSpan.FromSeconds(tt) : null,
            };
            var rosterDir = parse.GetValue(roster);
            if (rosterDir is not null)
            {
                var output = parse.GetValue(outDir) ?? throw new UsageException("--roster needs --out <dir>");
                if (parse.GetValue(submission) is not null) throw new UsageException("give either a submission or --roster, not both");
                var slice = parse.GetValue(shard) is { } text ? RosterShard.Parse(text) : RosterShard.Whole;
                return await GradeRosterAsync(grader, rosterDir, output, options, slice, parse.GetValue(force), cancel);
            }
            var path = parse.GetValue(submission) ?? throw new UsageException("missing <submission> folder (or --roster <dir> --out <dir>)");
            var reports = new[] { parse.GetValue(json), parse.GetValue(junit), parse.GetValue(markdown) };
            foreach (var report in reports.OfType<string>())
                if (Path.GetDirectoryName(Path.GetFullPath(report)) is { } folder && !Directory.Exists(folder))
                    throw new UsageException($"{report}: folder {folder} does not exist");
            var plan = grader.Plan(path, options); // bad input fails here, before any build

            var result = await ConsoleProgress.RunAsync("Grading", p => grader.GradeAsync(plan, p, cancel));
            if (parse.GetValue(json) is { } j) ReportFiles.WriteAtomically(j, GradescopeJson.Render(result));
            if (parse.GetValue(junit) is { } x) ReportFiles.WriteAtomically(x, JUnitXml.Render(result));
            if (parse.GetValue(markdown) is { } m) ReportFiles.WriteAtomically(m, MarkdownReport.Render(result));
            ResultTable.Write(result);
            if (parse.GetValue(timings)) TimingsTable.Write(result);
            if (parse.GetValue(failUnder) is { } threshold && result.Score < threshold)
            {
                Console.Error.WriteLine($"course: score {result.Score.ToString("0.##", CultureInfo.InvariantCulture)} is below --fail-under {threshold.ToString(CultureInfo.InvariantCulture)}");
                return ExitCodes.Threshold;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> GradeRosterAsync(SubmissionGrader grader, string rosterDir, string outDir, GradeOptions options, RosterShard shard, bool force, CancellationToken cancel)
    {
        var learners = shard.Select(RosterGrader.ReadRoster(rosterDir), l => l.Learner);
        var rosterGrader = new RosterGrader(grader);
        IReadOnlyList<LearnerSummary> summaries = [];
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask($"Grading {learners.Count} learners", maxValue: learners.Count);
            summaries = await rosterGrader.GradeAsync(rosterDir, outDir, options, (learner, s) =>
            {
                task.Increment(1);
                Console.Error.WriteLine($"{learner}: {s.Status.Text()}{(s.Result is { } r ? $" {r.Score:0.##}/{r.MaxScore:0.##}" : "")}{(s.Error is { } e ? $" ({e})" : "")}");
            }, cancel, shard, force);
        });
        var table = new Table().AddColumns("Learner", "Status", "Score", "Max");
        foreach (var s in summaries)
            table.AddRow(Markup.Escape(s.Learner), s.Status.Text(), s.Result?.Score.ToString("0.##", CultureInfo.InvariantCulture) ?? "", s.Result?.MaxScore.ToString("0.##", CultureInfo.InvariantCulture) ?? "");
        AnsiConsole.Write(table);
        var failed = summaries.Where(s => s.Status == LearnerStatus.Error).ToList();
        if (failed.Count > 0)
            Console.Error.WriteLine($"{failed.Count} learner(s) could not be graded and were skipped (status 'error' in summary.csv): {string.Join(", ", failed.Select(f => f.Learner))}");
        Console.WriteLine($"summary: {Path.Combine(outDir, "summary.csv")}");
        return ExitCodes.Ok;
    }
}
