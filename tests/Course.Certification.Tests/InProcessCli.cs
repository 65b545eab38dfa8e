using Course.Cli;

namespace Course.Certification.Tests;

/// <summary>The CLI's own entry point with the console captured (tests using it share the "console" collection).</summary>
public static class InProcessCli
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try { return (await CourseCli.RunAsync(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }
}
