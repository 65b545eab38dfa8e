using Spectre.Console;

namespace Course.Cli.Rendering;

/// <summary>A status spinner fed by the grader's progress messages (plain lines when the console is not interactive).</summary>
public static class ConsoleProgress
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<string>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return await work(new Progress<string>(m => Console.Error.WriteLine(m)));
        return await AnsiConsole.Status().StartAsync(title, async ctx => await work(new Progress<string>(m => ctx.Status($"{title}: {Markup.Escape(m)}"))));
    }
}
