using System.Text.Json.Nodes;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Execution;

public sealed class NotebookRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_every_code_cell_with_state_display_and_stdout_and_renumbers()
    {
        var nb = NotebookFile.Parse(FixtureNotebooks.Working, "w.ipynb");
        var progress = new List<CellProgress>();

        var result = await NotebookRunner.RunAsync(nb, new ExecutorOptions(), new SyncProgress(progress), Ct);

        result.Succeeded.Should().BeTrue();
        nb.Cells.Skip(1).Select(c => c.ExecutionCount).Should().Equal(1, 2, 3);
        var c2 = nb.Cells[2].Outputs;
        c2.Select(o => o.OutputType).Should().Equal("stream", "display_data");
        ((StreamOutput)c2[0]).Text.Should().Be("steps: 5\n");
        ((DisplayDataOutput)c2[1]).Data.Text("image/svg+xml").Should().StartWith("<svg").And.Contain("<path d=\"M");
        var png = Convert.FromBase64String(((DisplayDataOutput)c2[1]).Data.Text("image/png")!);
        png.Take(8).Should().Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "a PNG rendering sits beside the SVG");
        png.Length.Should().BeGreaterThan(2000, "the plot is drawn, not an empty canvas");
        // 1 + 1/2 + 1/3 + 1/4 + 1/5 = 137/60
        var value = nb.Cells[3].Outputs.Should().ContainSingle().Which.Should().BeOfType<ExecuteResultOutput>().Subject;
        value.ExecutionCount.Should().Be(3);
        double.Parse(value.Data.Text("text/plain")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(137.0 / 60, 1e-12);
        progress.Where(p => p.Result is not null).Select(p => p.Cell).Should().Equal(2, 3, 4);
        result.CellTimes.Should().HaveCount(3);
    }

    [Fact]
    public async Task Stops_at_the_first_failing_cell_and_clears_later_cells()
    {
        var nb = NotebookFile.Parse(FixtureNotebooks.FailingAtCell3Line2, "f.ipynb");

        var result = await NotebookRunner.RunAsync(nb, new ExecutorOptions(), cancellation: Ct);

        result.Failure!.ToString().Should().Be("cell 3, line 2: CS0103: The name 'x' does not exist in the current context");
        nb.Cells[2].Outputs.OfType<ErrorOutput>().Single().EName.Should().Be("CS0103");
        nb.Cells[3].Outputs.Should().BeEmpty();
        nb.Cells[3].ExecutionCount.Should().BeNull();
    }

    [Fact]
    public async Task Executed_notebook_written_back_is_structurally_valid_nbformat()
    {
        foreach (var json in new[] { FixtureNotebooks.Working, FixtureNotebooks.FailingAtCell3Line2 })
        {
            var nb = NotebookFile.Parse(json, "x.ipynb");
            await NotebookRunner.RunAsync(nb, new ExecutorOptions(), cancellation: Ct);

            NotebookValidator.Validate(JsonNode.Parse(NotebookFile.Serialize(nb))).Should().BeEmpty();
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the events in order, synchronously.</summary>
    private sealed class SyncProgress(List<CellProgress> events) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) => events.Add(value);
    }
}
