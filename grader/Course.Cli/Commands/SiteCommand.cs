using System.CommandLine;
using Course.Grader.Checks;
using Course.Notebooks.Curriculum;
using Course.Notebooks.Site;

namespace Course.Cli.Commands;

/// <summary>
/// `course site --out &lt;dir&gt; [--course-root R]`: the static course site (lessons, quizzes with folded
/// answers, notebooks with outputs, glossary). Content problems (quiz format, unreadable
/// notebooks) and broken internal links are listed; either makes the exit code 3.
/// </summary>
public static class SiteCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the site into.", Required = true };
        var root = new Option<string?>("--course-root") { Description = "Course root holding curriculum/course.json (default: found from the current folder)." };
        var command = new Command("site", "Render curriculum/ as a static HTML site (Markdig).") { output, root };
        command.SetAction(parse =>
        {
            var courseRoot = parse.GetValue(root) ?? CourseRoot.Find(Environment.CurrentDirectory);
            if (courseRoot is null || !File.Exists(Path.Combine(courseRoot, "curriculum", "course.json")))
            {
                Console.Error.WriteLine("course site: no curriculum/course.json found (use --course-root).");
                return ExitCodes.Usage;
            }

            var outDir = parse.GetRequiredValue(output).FullName;
            var result = SiteBuilder.Build(courseRoot, outDir);
            var broken = LinkChecker.Check(outDir);
            foreach (var problem in result.Problems) Console.WriteLine(problem);
            foreach (var link in broken) Console.WriteLine($"broken link: {link}");
            Console.WriteLine($"wrote {result.Pages.Count} files to {outDir}; {result.Problems.Count} content problems, {broken.Count} broken links");
            return result.Problems.Count == 0 && broken.Count == 0 ? ExitCodes.Ok : ExitCodes.Threshold;
        });
        return command;
    }

    /// <summary>
    /// `course check` part: the site renders from curriculum/ (into a temp folder) with no quiz-format
    /// problems, no unreadable notebooks and no broken internal links.
    /// </summary>
    public sealed class Check : ICourseCheck
    {
        public string Name => "site";

        public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CancellationToken cancel)
        {
            var outDir = Path.Combine(Path.GetTempPath(), $"course-site-check-{Environment.ProcessId}");
            try
            {
                var result = SiteBuilder.Build(context.Layout.Root, outDir);
                var findings = result.Problems.Select(p => new CheckFinding(Name, p.Split(": ", 2)[0], false, p))
                    .Concat(LinkChecker.Check(outDir).Select(b => new CheckFinding(Name, b.Page, false, $"broken link {b.Href}: {b.Reason}")))
                    .ToList();
                if (findings.Count == 0) findings.Add(new CheckFinding(Name, "curriculum/", true, $"{result.Pages.Count} files rendered, all internal links resolve"));
                return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
            }
            finally
            {
                if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            }
        }
    }
}
