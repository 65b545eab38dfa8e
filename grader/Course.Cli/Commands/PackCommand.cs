using System.CommandLine;
using Course.Grader.Packing;

namespace Course.Cli.Commands;

/// <summary>course pack &lt;out&gt;: the learner pack (no solutions, no hidden tests, no platform tests).</summary>
public static class PackCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("out") { Description = "folder to create (must not exist or be empty)" };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("pack", "Build the learner pack: curriculum, exercises with public tests, engine, props, README.") { output, courseRoot };
        command.SetAction(parse =>
        {
            var layout = CourseRootOption.Resolve(parse.GetValue(courseRoot));
            var summary = LearnerPack.Create(layout, parse.GetValue(output)!);
            Console.WriteLine(summary);
            return ExitCodes.Ok;
        });
        return command;
    }
}
