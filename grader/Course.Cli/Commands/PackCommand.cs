using System.CommandLine;
using Course.Grader.Packing;

namespace Course.Cli.Commands;

/// <summary>
/// course pack &lt;out&gt; [--include-changes]: the learner pack (no solutions, no hidden tests, no exam bank, no platform
/// tests). Refused (exit 2, nothing written) when exercises/ differs from the committed stubs, unless --include-changes.
/// </summary>
public static class PackCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("out") { Description = "folder to create (must not exist or be empty)" };
        var includeChanges = new Option<bool>("--include-changes")
        {
            Description = "pack exercises/ even when it differs from the committed stubs (warns instead of refusing)",
        };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("pack", "Build the learner pack: curriculum, exercises with public tests, engine, the course CLI, props, README.")
        {
            output, includeChanges, courseRoot,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var options = new PackOptions
            {
                IncludeChanges = parse.GetValue(includeChanges),
                Warn = message => Console.Error.WriteLine($"course: {message}"),
            };
            var summary = await LearnerPack.CreateAsync(layout, parse.GetValue(output)!, options, cancel);
            Console.WriteLine(summary);
            return ExitCodes.Ok;
        });
        return command;
    }
}
