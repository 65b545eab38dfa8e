namespace Course.Notebooks.Model;

/// <summary>
/// A notebook file that cannot be read: malformed JSON (with line:column) or a structure that
/// is not nbformat 4. The message is one line naming the file and the problem.
/// </summary>
public sealed class NotebookFormatException(string file, string problem)
    : Exception($"{file}: {problem}")
{
    public string File { get; } = file;

    public string Problem { get; } = problem;
}
