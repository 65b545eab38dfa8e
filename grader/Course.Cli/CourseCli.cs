using System.CommandLine;
using Course.Grader;
using Course.Model;

namespace Course.Cli;

/// <summary>Parses the command line and maps outcomes to exit codes: bad input is one line on stderr, never a stack trace.</summary>
public static class CourseCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("course — grade submissions, check the course, build the learner pack. " +
            "Exit codes: 0 done, 1 internal error, 2 usage/bad input, 3 --fail-under not met or check failed.");
        foreach (var create in CommandCatalog.Commands) root.Subcommands.Add(create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // "Unrecognized command or argument 'x'" says more than "Required command was not provided", which S.CL lists first.
            var error = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            Console.Error.WriteLine($"course: {error.Message} (see course --help)");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (GradingException e)
        {
            Console.Error.WriteLine($"course: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (CourseInputException e)
        {
            Console.Error.WriteLine($"course: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"course: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("course: cancelled");
            return ExitCodes.Internal;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"course: internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(e.StackTrace);
            return ExitCodes.Internal;
        }
    }
}

/// <summary>An option combination that makes no sense (e.g. --roster without --out).</summary>
public sealed class UsageException(string message) : Exception(message);
