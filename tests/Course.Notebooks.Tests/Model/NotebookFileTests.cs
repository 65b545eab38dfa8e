using System.Text.Json.Nodes;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Model;

public sealed class NotebookFileTests
{
    [Fact]
    public void Reads_cells_sources_outputs_and_metadata()
    {
        var nb = NotebookFile.Parse(FixtureNotebooks.Working, "w.ipynb");

        nb.Cells.Select(c => c.Kind).Should().Equal(CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code);
        nb.Cells[0].Source.Should().Be("# 固定ノート\nstate across cells");
        nb.Cells[3].ExecutionCount.Should().Be(7);
        var stream = nb.Cells[3].Outputs.Should().ContainSingle().Which.Should().BeOfType<StreamOutput>().Subject;
        (stream.Name, stream.Text).Should().Be(("stdout", "stale\n"));
        nb.Metadata["custom"]!["keep"]!.AsArray().Count.Should().Be(2);
    }

    [Fact]
    public void Round_trip_keeps_metadata_ids_and_writes_sources_as_lines()
    {
        var nb = NotebookFile.Parse(FixtureNotebooks.Working, "w.ipynb");
        var text = NotebookFile.Serialize(nb);
        var root = JsonNode.Parse(text)!.AsObject();

        root["metadata"]!["custom"]!.ToJsonString().Should().Be("{\"keep\":[1,2]}");
        root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>().Should().Be(".net-csharp");
        root["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>().Should().Be("csharp");
        root["cells"]![2]!["source"]!.AsArray().Select(l => l!.GetValue<string>()).Should()
            .Equal("Console.WriteLine($\"steps: {losses.Count}\");\n", "display(Plot.Line(losses, \"loss\"));");
        root["cells"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Equal("intro", "c1", "c2", "c3");
        text.Should().Contain("固定ノート", "non-ASCII stays readable in the file");
        NotebookValidator.Validate(root).Should().BeEmpty();
        NotebookFile.Serialize(NotebookFile.Parse(text, "again.ipynb")).Should().Be(text, "a second round trip changes nothing");
    }

    [Fact]
    public void Malformed_json_reports_file_line_and_column()
    {
        var act = () => NotebookFile.Parse("{\n \"cells\": [\n  {\"cell_type\": \"code\",,}\n ]\n}", "bad.ipynb");

        act.Should().Throw<NotebookFormatException>()
            .Which.Message.Should().StartWith("bad.ipynb:3:24: invalid JSON:").And.NotContain("\n");
    }

    [Theory]
    [InlineData("""{"cells": [], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}""", "n.ipynb: nbformat 3 is not supported (expected 4)")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {}, "source": "", "outputs": [], "execution_count": null}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "n.ipynb: cells[0]: missing 'id' (required since nbformat 4.5)")]
    [InlineData("""{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "", "outputs": [{"output_type": "stream", "text": "x"}], "execution_count": null}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "n.ipynb: cells[0].outputs[0]: 'stream' output needs 'name' stdout or stderr")]
    [InlineData("""{"cells": [{"cell_type": "cod", "id": "a", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "n.ipynb: cells[0]: 'cell_type' must be code, markdown or raw (found \"cod\")")]
    [InlineData("""{"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": ""}, {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "n.ipynb: cells[1]: duplicate cell id 'a'")]
    [InlineData("""{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "n.ipynb: cells[0]: code cell needs 'execution_count' (integer or null) (and 1 more problem)")]
    [InlineData("""{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "extra": 1}""", "n.ipynb: top level: unknown key 'extra' (nbformat allows only cells, metadata, nbformat, nbformat_minor; put extra data in metadata)")]
    [InlineData("""{"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": "", "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "n.ipynb: cells[0]: unknown key 'outputs' (nbformat allows only cell_type, id, metadata, source, attachments; put extra data in metadata) (and 1 more problem)")]
    public void Structural_problems_give_one_line_naming_file_and_place(string json, string expected)
    {
        var act = () => NotebookFile.Parse(json, "n.ipynb");

        act.Should().Throw<NotebookFormatException>().Which.Message.Should().Be(expected);
    }

    [Fact]
    public void Notebooks_before_4_5_get_cell_ids_and_are_written_as_4_5()
    {
        var nb = NotebookFile.Parse("""{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "hi"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 2}""", "old.ipynb");
        var root = JsonNode.Parse(NotebookFile.Serialize(nb))!;

        root["nbformat_minor"]!.GetValue<int>().Should().Be(5);
        root["cells"]![0]!["id"]!.GetValue<string>().Should().MatchRegex("^[a-zA-Z0-9-_]{1,64}$");
    }

    [Fact]
    public void Save_replaces_the_file_atomically_and_leaves_no_temp_file()
    {
        var dir = FixtureNotebooks.TempFolder();
        var path = FixtureNotebooks.Write(dir, "a.ipynb", FixtureNotebooks.Working);
        var nb = NotebookFile.Load(path);
        nb.Cells[1].Source = "var changed = true;";

        NotebookFile.Save(nb, path);

        NotebookFile.Load(path).Cells[1].Source.Should().Be("var changed = true;");
        Directory.GetFiles(dir).Select(Path.GetFileName).Should().Equal("a.ipynb");
    }

    [Fact]
    public void Missing_file_is_one_clear_error()
    {
        var act = () => NotebookFile.Load("/nonexistent/x.ipynb");

        act.Should().Throw<NotebookFormatException>().Which.Message.Should().StartWith("/nonexistent/x.ipynb: cannot read:");
    }
}
