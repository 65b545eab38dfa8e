using System.CommandLine;
using Course.Model;
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
        var root = CourseRootOption.Create();
        var command = new Command("site", "Render curriculum/ as a static HTML site (Markdig).") { output, root };
        command.SetAction(parse =>
        {
            var courseRoot = CourseRootOption.Resolve(parse.GetValue(root)).Root;

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
}
