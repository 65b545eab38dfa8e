using System.ComponentModel;
using Course.Model.Processes;

namespace Course.Grader.Packing;

/// <summary>
/// How exercises/ differs from the committed stubs, from <c>git status --porcelain -- exercises</c> in the course root:
/// every tracked change, and every untracked .cs file (other untracked files are not sources). <see cref="Unavailable"/>
/// says why git could not tell (no checkout, no git, a timeout); then <see cref="Changes"/> is empty.
/// </summary>
public sealed record StubStatus(IReadOnlyList<string> Changes, string? Unavailable)
{
    public static async Task<StubStatus> ReadAsync(string courseRoot, TimeSpan timeout, CancellationToken cancel = default)
    {
        ChildOutcome run;
        try
        {
            run = await ChildProcess.RunAsync("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "exercises"],
                courseRoot, timeout, new Dictionary<string, string> { ["GIT_OPTIONAL_LOCKS"] = "0", ["LC_ALL"] = "C" }, cancel);
        }
        catch (Win32Exception e)
        {
            return new StubStatus([], $"git could not be started: {e.Message}");
        }
        if (run.TimedOut) return new StubStatus([], $"git status did not finish within {timeout.TotalSeconds:0} s");
        if (run.ExitCode != 0)
        {
            var first = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {run.ExitCode}";
            return new StubStatus([], $"{courseRoot} is not a usable git checkout: {first}");
        }
        return new StubStatus(Parse(run.StdOut), null);
    }

    /// <summary>Entries of <c>git status --porcelain=v1 -z</c> as "XY path" lines, untracked non-.cs files left out.</summary>
    public static IReadOnlyList<string> Parse(string porcelainZ)
    {
        var entries = porcelainZ.Split('\0');
        var changes = new List<string>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length < 4) continue;
            var code = entry[..2];
            var path = entry[3..];
            // A rename or copy is followed by its source path.
            if (code[0] is 'R' or 'C') i++;
            if (code == "!!") continue;
            if (code == "??" && !path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) continue;
            changes.Add($"{code.Trim()} {path}");
        }
        return changes;
    }
}
