using Course.Notebooks.Execution;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Interop;

/// <summary>Notebooks we write are accepted by the reference implementation (Python nbformat's schema validation).</summary>
public sealed class NbformatValidationTests
{
    [Fact]
    public async Task Executed_notebooks_pass_python_nbformat_validate()
    {
        var python = Python.WithModules("nbformat");
        Assert.SkipWhen(python is null, "Python nbformat is not installed (apt-get install -y python3-nbformat)");
        var dir = FixtureNotebooks.TempFolder();
        var files = new List<string>();
        foreach (var (name, json) in new[] { ("working.ipynb", FixtureNotebooks.Working), ("failing.ipynb", FixtureNotebooks.FailingAtCell3Line2) })
        {
            var notebook = NotebookFile.Parse(json, name);
            await NotebookRunner.RunAsync(notebook, new ExecutorOptions(), cancellation: TestContext.Current.CancellationToken);
            var path = Path.Combine(dir, name);
            NotebookFile.Save(notebook, path);
            files.Add(path);
        }

        var (code, stdout, stderr) = Python.Run(python!,
            ["-c", "import sys, nbformat\nfor f in sys.argv[1:]:\n    nb = nbformat.read(f, as_version=nbformat.NO_CONVERT)\n    nbformat.validate(nb)\n    print(f, nb.nbformat, nb.nbformat_minor)", .. files],
            TimeSpan.FromSeconds(60));

        (code, stderr).Should().Be((0, ""));
        stdout.Should().Contain("working.ipynb 4 5").And.Contain("failing.ipynb 4 5");
    }
}
