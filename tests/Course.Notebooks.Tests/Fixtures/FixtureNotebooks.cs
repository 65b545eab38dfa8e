namespace Course.Notebooks.Tests.Fixtures;

/// <summary>Small notebooks written on disk by tests (each test gets its own temp folder).</summary>
public static class FixtureNotebooks
{
    /// <summary>Markdown, then three code cells: state, display + stdout, a value. Free-form metadata (kernelspec, Polyglot keys, custom) that must survive a run.</summary>
    public const string Working = """
    {
     "cells": [
      {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# 固定ノート\n", "state across cells"]},
      {"cell_type": "code", "execution_count": null, "id": "c1", "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [],
       "source": ["var losses = new List<double>();\n", "for (var i = 0; i < 5; i++) losses.Add(1.0 / (i + 1));"]},
      {"cell_type": "code", "execution_count": null, "id": "c2", "metadata": {}, "outputs": [],
       "source": "Console.WriteLine($\"steps: {losses.Count}\");\ndisplay(Plot.Line(losses, \"loss\"));"},
      {"cell_type": "code", "execution_count": 7, "id": "c3", "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout", "text": "stale\n"}],
       "source": "losses.Sum()"}
     ],
     "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "custom": {"keep": [1, 2]}},
     "nbformat": 4,
     "nbformat_minor": 5
    }
    """;

    /// <summary>Cell 3 (the second code cell) fails on its line 2; cell 4 must never run.</summary>
    public const string FailingAtCell3Line2 = """
    {
     "cells": [
      {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "intro"},
      {"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [], "source": "var ok = 1;"},
      {"cell_type": "code", "execution_count": null, "id": "b", "metadata": {}, "outputs": [], "source": "var fine = ok;\nvar broken = x + 1;"},
      {"cell_type": "code", "execution_count": 3, "id": "c", "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout", "text": "old"}], "source": "Console.WriteLine(\"never\");"}
     ],
     "metadata": {},
     "nbformat": 4,
     "nbformat_minor": 5
    }
    """;

    public static string Write(string folder, string name, string json)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A fresh folder under this test run's temp root, which is deleted when the test process exits.</summary>
    public static string TempFolder()
    {
        var dir = Path.Combine(RunRoot.Value, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static readonly Lazy<string> RunRoot = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "course-nb-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a file still open (e.g. by a kernel client) keeps the folder; it is in temp.
            }
        };
        return root;
    });
}
