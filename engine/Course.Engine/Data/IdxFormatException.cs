namespace Course.Engine.Data;

/// <summary>An IDX file that cannot be read: names the file and what was wrong (bad magic, truncated, unsupported type).</summary>
public sealed class IdxFormatException(string path, string problem, Exception? inner = null)
    : IOException($"{path}: {problem}", inner)
{
    /// <summary>The file that was being read.</summary>
    public string FilePath { get; } = path;
}
