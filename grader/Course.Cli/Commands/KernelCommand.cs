using System.CommandLine;
using Course.Notebooks.Execution;
using Course.Notebooks.Kernel;

namespace Course.Cli.Commands;

/// <summary>
/// `course kernel --connection-file F`: a Jupyter kernel (protocol 5.3) running C# cells with the
/// same executor as `course notebook run`. It runs against COURSE_NOTEBOOK_AGAINST (solutions,
/// exercises — the default — or a submission folder), for the day of the folder it starts in.
/// `course kernel install [--user | --prefix P]` / `course kernel uninstall` manage the kernelspec.
/// </summary>
public static class KernelCommand
{
    public static Command Create()
    {
        var connectionFile = new Option<FileInfo>("--connection-file") { Description = "Connection file written by the Jupyter client." };
        var command = new Command("kernel", "Jupyter kernel for C# notebooks (same cell executor as `notebook run`).") { connectionFile };
        command.Subcommands.Add(CreateInstall());
        command.Subcommands.Add(CreateUninstall());
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(connectionFile) is not { } file)
            {
                Console.Error.WriteLine("course kernel: --connection-file is required (Jupyter passes it; see `course kernel install`).");
                return ExitCodes.Usage;
            }

            ConnectionInfo connection;
            try
            {
                connection = ConnectionInfo.Load(file.FullName);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"course kernel: {e.Message}");
                return ExitCodes.Usage;
            }

            var against = Environment.GetEnvironmentVariable(NotebookEnvironment.AgainstVariable) is { Length: > 0 } value ? value : "exercises";
            ExecutorOptions options;
            try
            {
                // The kernel starts in the notebook's folder: its dayNN-* name picks the DayNN assembly.
                options = NotebookEnvironment.Resolve(Path.Combine(Environment.CurrentDirectory, "notebook.ipynb"), against, message => Console.Error.WriteLine(message));
            }
            catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine($"course kernel: {e.Message}; running with the engine only");
                options = new ExecutorOptions { WorkingDirectory = Environment.CurrentDirectory };
            }

            using var server = new KernelServer(connection, options, Console.Error);
            await server.RunAsync(cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateInstall()
    {
        var (user, prefix) = LocationOptions();
        var install = new Command("install", "Install the 'C# (Course)' kernelspec for Jupyter.") { user, prefix };
        install.SetAction(parse =>
        {
            var courseDll = typeof(KernelCommand).Assembly.Location;
            var dir = KernelSpecInstaller.Install(courseDll, parse.GetValue(user), parse.GetValue(prefix));
            Console.WriteLine($"installed kernelspec {KernelSpecInstaller.Name} in {dir}");
            // The spec runs this very build: a learner who rebuilds in another configuration must re-install.
            Console.WriteLine($"it starts: dotnet {courseDll} kernel (re-run this install after building the CLI in another configuration or folder)");
            return ExitCodes.Ok;
        });
        return install;
    }

    private static Command CreateUninstall()
    {
        var (user, prefix) = LocationOptions();
        var uninstall = new Command("uninstall", "Remove the 'C# (Course)' kernelspec.") { user, prefix };
        uninstall.SetAction(parse =>
        {
            var removed = KernelSpecInstaller.Uninstall(parse.GetValue(user), parse.GetValue(prefix));
            Console.WriteLine(removed ? $"removed kernelspec {KernelSpecInstaller.Name}" : $"kernelspec {KernelSpecInstaller.Name} was not installed there");
            return ExitCodes.Ok;
        });
        return uninstall;
    }

    private static (Option<bool> User, Option<string?> Prefix) LocationOptions() =>
        (new Option<bool>("--user") { Description = "Per-user location (~/.local/share/jupyter/kernels)." },
         new Option<string?>("--prefix") { Description = "Install under PREFIX/share/jupyter/kernels (e.g. a virtualenv)." });
}
