using System.CommandLine;
using Course.Grader.Checks;
using Course.Notebooks.Checking;
using Course.Model;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Cli.Commands;

/// <summary>
/// `course notebook run &lt;ipynb&gt; [--against solutions|exercises|&lt;dir&gt;] [--in-place | --out F]` and
/// `course notebook validate [paths]`. Progress goes to stderr, results to stdout; a failing
/// cell prints `notebook.ipynb: cell 4, line 2: CS0103: …` and exits 3 (a check failed);
/// an unreadable notebook or bad option exits 2.
/// </summary>
public static class NotebookCommand
{
    public static Command Create()
    {
        var command = new Command("notebook", "Run or validate course notebooks (.ipynb, C# cells).");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateValidate());
        return command;
    }

    private static Command CreateRun()
    {
        var path = new Argument<FileInfo>("notebook") { Description = "The .ipynb file to execute." };
        var against = new Option<string>("--against")
        {
            Description = "Implementation the cells call: solutions, exercises (default) or a submission folder shaped like exercises/.",
            DefaultValueFactory = _ => "exercises",
        };
        var inPlace = new Option<bool>("--in-place") { Description = "Write the outputs back into the notebook." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the executed notebook to this file." };
        var day = new Option<int?>("--day") { Description = "the day whose code the cells call (default: from the notebook's curriculum/dayNN-* folder)" };
        var courseRoot = CourseRootOption.Create();
        var run = new Command("run", "Execute every code cell in order and record the outputs.") { path, against, inPlace, output, day, courseRoot };
        run.SetAction(async (parse, cancellation) =>
        {
            var file = parse.GetRequiredValue(path);
            var outFile = parse.GetValue(output);
            if (parse.GetValue(inPlace) && outFile is not null)
            {
                Console.Error.WriteLine("course notebook run: use either --in-place or --out, not both.");
                return ExitCodes.Usage;
            }

            var environment = new RunEnvironment(parse.GetValue(against)!, parse.GetValue(courseRoot), parse.GetValue(day));
            return await RunAsync(file.FullName, environment, parse.GetValue(inPlace) ? file.FullName : outFile?.FullName, cancellation);
        });
        return run;
    }

    private static Command CreateValidate()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Notebooks or folders to validate (default: every curriculum/day*/notebook.ipynb).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var validate = new Command("validate", "Check notebooks against the nbformat 4.5 structure.") { paths };
        validate.SetAction(parse =>
        {
            var files = Expand(parse.GetValue(paths) ?? []);
            if (files.Count == 0)
            {
                Console.Error.WriteLine("course notebook validate: no notebooks found.");
                return ExitCodes.Usage;
            }

            var bad = 0;
            foreach (var file in files)
            {
                var problems = Problems(file);
                if (problems.Count == 0)
                {
                    Console.WriteLine($"{file}: ok");
                    continue;
                }

                bad++;
                foreach (var problem in problems) Console.WriteLine(problem);
            }

            Console.WriteLine($"{files.Count - bad} valid, {bad} invalid");
            return bad == 0 ? ExitCodes.Ok : ExitCodes.Threshold;
        });
        return validate;
    }

    /// <summary>What a run calls: the implementation, and optionally the course and day when the notebook's folder does not say.</summary>
    private sealed record RunEnvironment(string Against, string? CourseRoot, int? Day);

    private static async Task<int> RunAsync(string file, RunEnvironment environment, string? writeTo, CancellationToken cancellation)
    {
        var name = Path.GetFileName(file);
        try
        {
            var notebook = NotebookFile.Load(file);
            var options = NotebookEnvironment.Resolve(file, environment.Against, message => Console.Error.WriteLine(message),
                courseRoot: environment.CourseRoot, day: environment.Day);
            var progress = new ConsoleProgress();
            var result = await NotebookRunner.RunAsync(notebook, options, progress, cancellation);
            if (writeTo is not null)
            {
                NotebookFile.Save(result.Notebook, writeTo);
                Console.Error.WriteLine($"wrote {writeTo}");
            }

            if (result.Failure is { } failure)
            {
                Console.WriteLine($"{name}: {failure}");
                return ExitCodes.Threshold;
            }

            Console.WriteLine($"{name}: {result.CellTimes.Count} code cells ran in {result.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        }
        catch (NotebookFormatException e)
        {
            Console.WriteLine(e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException or IOException or CourseInputException)
        {
            Console.WriteLine($"{name}: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    private static List<string> Expand(string[] paths)
    {
        if (paths.Length == 0)
        {
            var root = CourseLayout.Discover(Environment.CurrentDirectory).Root;
            return NotebookCheck.FindNotebooks(root).Select(p => Path.GetRelativePath(Environment.CurrentDirectory, p)).ToList();
        }

        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*.ipynb", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else files.Add(p);
        }

        return files;
    }

    private static IReadOnlyList<string> Problems(string file)
    {
        if (!File.Exists(file)) return [$"{file}: no such file"];
        try
        {
            var root = NotebookFile.ParseJson(File.ReadAllText(file), file);
            return NotebookValidator.Validate(root).Select(p => $"{file}: {p}").ToList();
        }
        catch (NotebookFormatException e)
        {
            return [e.Message];
        }
    }

    /// <summary>
    /// One stderr line per code cell as it finishes, with wall time and the process's CPU time for
    /// the cell (on a loaded machine the CPU figure is the one that says what the cell costs).
    /// </summary>
    private sealed class ConsoleProgress : IProgress<CellProgress>
    {
        private TimeSpan cpuAtStart;

        public void Report(CellProgress value)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            if (value.Result is not { } result)
            {
                cpuAtStart = cpu;
                return;
            }

            var status = result.Succeeded ? "ok" : "FAILED";
            Console.Error.WriteLine($"  [{value.CodeCellIndex}/{value.CodeCellCount}] cell {value.Cell}: {status} ({result.Elapsed.TotalMilliseconds:0} ms, cpu {(cpu - cpuAtStart).TotalMilliseconds:0} ms)");
        }
    }
}
