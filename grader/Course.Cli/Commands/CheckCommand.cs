using Course.Model;
using System.CommandLine;
using Course.Cli.Rendering;
using Course.Grader.Checks;
using Course.Model.Checks;
using Course.Grader.Grading;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary>course check: the course is consistent (twins, traits, solutions full marks, stubs zero with hints, mutants killed, + registered checks).</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var only = new Option<string[]>("--only")
        {
            Description = "run only these checks, comma- or space-separated: twins, traits, solutions, stubs, mutants, notebooks, site, checklist",
            AllowMultipleArgumentsPerToken = true,
        };
        var day = new Option<int[]>("--day") { Description = "check only this day (repeatable); the site check always covers the whole course" };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("check", "Check the course: solutions score full marks, stubs compile and score zero with hints, every mutant loses points.")
        {
            only, day, courseRoot,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var grader = new SubmissionGrader(layout);
            var selected = parse.GetValue(only) is { Length: > 0 } names
                ? names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet()
                : null;
            // The technical test's mutants (tests/Mutants/Technical) run with day 10, on a manifest holding every variant.
            IReadOnlyList<DayManifest> technical = grader.Manifest.Days.FirstOrDefault(m => m.Day == 10) is { } day10
                ? [Course.Certification.Technical.TechnicalGrade.Manifest(day10, Course.Certification.Technical.TechnicalPools.Variants)]
                : [];
            var all = GraderChecks.All(grader, new GradeOptions(), technical).Concat(CommandCatalog.ExtraChecks).ToList();
            if (selected?.Except(all.Select(c => c.Name)).ToList() is { Count: > 0 } unknown)
                throw new UsageException($"--only: no check named {string.Join(", ", unknown)} (checks: {string.Join(", ", all.Select(c => c.Name))})");
            var checks = all.Where(c => selected is null || selected.Contains(c.Name)).ToList();
            var days = parse.GetValue(day) is { Length: > 0 } d ? d.Distinct().Order().ToList() : null;
            if (days?.Where(n => grader.Manifest.Days.All(m => m.Day != n)).ToList() is { Count: > 0 } missing)
                throw new UsageException($"--day: the course has no day {string.Join(", ", missing)}");
            var context = new CheckContext(layout, Days: days);
            var findings = new List<CheckFinding>();
            foreach (var check in checks)
            {
                var found = await ConsoleProgress.RunAsync($"check {check.Name}", p => check.RunAsync(context with { Progress = p }, cancel));
                findings.AddRange(found);
            }
            var table = new Table().AddColumns("Check", "Subject", "Result", "Detail");
            foreach (var f in findings)
                table.AddRow(f.Check, Markup.Escape(f.Subject), f.Ok ? "[green]ok[/]" : "[red]FAIL[/]", Markup.Escape(f.Detail));
            AnsiConsole.Write(table);
            var failed = findings.Count(f => !f.Ok);
            Console.WriteLine($"{findings.Count - failed} ok, {failed} failed");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Threshold;
        });
        return command;
    }
}
