using System.Reflection;
using System.Text.Json.Nodes;
using Course.Notebooks.Execution;
using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Interop;

/// <summary>
/// Every day's notebook, executed the way a learner's Jupyter does it: `jupyter nbconvert --execute` starts the
/// real `course kernel` process from the installed kernelspec (against the solutions), and the executed
/// notebook has an output wherever a cell prints, no error output, and passes Python nbformat's validation.
/// </summary>
public sealed class NbconvertExecutionTests
{
    private const string Jupyter = "/usr/bin/jupyter";

    /// <summary>Checks the executed notebook with the reference nbformat and prints what C# asserts on.</summary>
    private const string Validate = """
        import json, sys, nbformat
        nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
        nbformat.validate(nb)
        print(json.dumps({'nbformat': nb.nbformat, 'language': nb.metadata.language_info}))
        """;

    private static readonly string Root = typeof(NbconvertExecutionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CourseRoot").Value!;

    /// <summary>The kernelspec, installed once per test run into a private prefix (never the user's Jupyter folders).</summary>
    private static readonly Lazy<string> JupyterPath = new(InstallKernelSpec);

    public static TheoryData<string> DayNotebooks()
    {
        var days = Directory.EnumerateDirectories(Path.Combine(Root, "curriculum"), "day*")
            .Where(d => File.Exists(Path.Combine(d, "notebook.ipynb")))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal);
        return new TheoryData<string>(days!);
    }

    [Theory]
    [MemberData(nameof(DayNotebooks))]
    public void Nbconvert_executes_the_notebook_with_the_course_kernel_against_the_solutions(string day)
    {
        var python = Python.WithModules("nbformat", "nbclient", "jupyter_client", "nbconvert");
        Assert.SkipWhen(python is null || !File.Exists(Jupyter),
            "Jupyter nbconvert is not installed (apt-get install -y python3-nbformat python3-jupyter-client python3-nbclient jupyter-nbconvert)");
        var output = FixtureNotebooks.TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = JupyterPath.Value,
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(output, "runtime"),
            [NotebookEnvironment.AgainstVariable] = "solutions",
            // Our own build cache: reused across runs, never the one a learner's `notebook run` uses.
            ["COURSE_NOTEBOOK_CACHE"] = Path.Combine(Path.GetTempPath(), "course-notebooks-nbconvert-tests"),
        };

        var (code, stdout, stderr) = Python.Run(Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={KernelSpecInstaller.Name}",
             // The kernel builds Course.DayNN before answering kernel_info when the cache is cold.
             "--ExecutePreprocessor.startup_timeout=240", "--ExecutePreprocessor.timeout=120",
             "--output-dir", output, "--output", "executed.ipynb", Path.Combine(Root, "curriculum", day, "notebook.ipynb")],
            TimeSpan.FromMinutes(6), environment);

        code.Should().Be(0, $"nbconvert must execute {day}/notebook.ipynb without errors:\n{stderr}{stdout}");
        var executed = Path.Combine(output, "executed.ipynb");
        var notebook = JsonNode.Parse(File.ReadAllText(executed))!;
        var codeCells = notebook["cells"]!.AsArray().Select((cell, index) => (Cell: cell!, Index: index))
            .Where(c => c.Cell["cell_type"]!.GetValue<string>() == "code").ToList();
        codeCells.Should().NotBeEmpty();
        foreach (var (cell, index) in codeCells)
        {
            var source = Source(cell);
            var outputs = cell["outputs"]!.AsArray();
            outputs.Select(o => o!["output_type"]!.GetValue<string>()).Should().NotContain("error", $"{day} cell {index} must run cleanly against the solutions");
            cell["execution_count"].Should().NotBeNull($"{day} cell {index} was executed");
            if (source.Contains("Console.Write", StringComparison.Ordinal))
            {
                outputs.Should().NotBeEmpty($"{day} cell {index} prints");
            }
        }

        var validation = Python.Run(python!, ["-c", Validate, executed], TimeSpan.FromSeconds(60));
        (validation.ExitCode, validation.StdErr).Should().Be((0, ""));
        var summary = JsonNode.Parse(validation.StdOut)!;
        summary["nbformat"]!.GetValue<int>().Should().Be(4);
        // nbclient copies the kernel_info_reply's language_info into the notebook: it came from our kernel.
        (summary["language"]!["name"]!.GetValue<string>(), summary["language"]!["pygments_lexer"]!.GetValue<string>()).Should().Be(("csharp", "csharp"));
    }

    private static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonNode text => text.GetValue<string>(),
        null => "",
    };

    private static string InstallKernelSpec()
    {
        var prefix = FixtureNotebooks.TempFolder();
        var courseDll = Path.Combine(AppContext.BaseDirectory, "course.dll");
        var (code, stdout, stderr) = Python.Run("dotnet", [courseDll, "kernel", "install", "--prefix", prefix], TimeSpan.FromSeconds(60));
        code.Should().Be(0, $"`course kernel install --prefix` failed: {stdout}{stderr}");
        File.Exists(Path.Combine(prefix, "share", "jupyter", "kernels", KernelSpecInstaller.Name, "kernel.json")).Should().BeTrue();
        return Path.Combine(prefix, "share", "jupyter");
    }
}
