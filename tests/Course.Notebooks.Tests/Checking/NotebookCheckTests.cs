using Course.Notebooks.Checking;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Checking;

public sealed class NotebookCheckTests
{
    [Fact]
    public async Task Every_day_notebook_is_validated_and_executed_and_failures_name_file_cell_and_line()
    {
        var root = FixtureCourse.Create();
        Directory.CreateDirectory(Path.Combine(root, "solutions"));
        FixtureNotebooks.Write(Path.Combine(root, "curriculum", "day02-beta"), "notebook.ipynb", FixtureNotebooks.FailingAtCell3Line2);
        FixtureNotebooks.Write(Path.Combine(root, "curriculum", "day03-gamma"), "notebook.ipynb", "{ \"cells\": [");
        var before = File.ReadAllText(Path.Combine(root, "curriculum", "day01-alpha", "notebook.ipynb"));

        var results = await NotebookCheck.RunAllAsync(root, cancellation: TestContext.Current.CancellationToken);

        results.Select(r => (r.Notebook, r.Passed)).Should().Equal(
            ("curriculum/day01-alpha/notebook.ipynb", true),
            ("curriculum/day02-beta/notebook.ipynb", false),
            ("curriculum/day03-gamma/notebook.ipynb", false));
        results[0].CodeCells.Should().Be(3);
        results[1].Problem.Should().Be("curriculum/day02-beta/notebook.ipynb: cell 3, line 2: CS0103: The name 'x' does not exist in the current context");
        results[2].Problem.Should().StartWith("curriculum/day03-gamma/notebook.ipynb:1:13: invalid JSON:");
        File.ReadAllText(Path.Combine(root, "curriculum", "day01-alpha", "notebook.ipynb")).Should().Be(before, "the check runs notebooks in memory");
    }
}
