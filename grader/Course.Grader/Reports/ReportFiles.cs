namespace Course.Grader.Reports;

/// <summary>Writes report files atomically (temp file in the same folder, then rename), so a reader never sees half a report.</summary>
public static class ReportFiles
{
    public static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new GradingException($"{path}: folder {dir} does not exist");
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, content);
        File.Move(temp, full, overwrite: true);
    }
}
