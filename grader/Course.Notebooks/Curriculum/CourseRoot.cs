namespace Course.Notebooks.Curriculum;

/// <summary>Finds the repository root: the nearest ancestor holding curriculum/course.json.</summary>
public static class CourseRoot
{
    public static string? Find(string startPath)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(startPath));
        if (!dir.Exists) dir = dir.Parent;
        for (; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "curriculum", "course.json"))) return dir.FullName;
        }

        return null;
    }

    /// <summary>The day a notebook belongs to, from its folder name (curriculum/day03-optimisation → 3).</summary>
    public static int? DayOf(string notebookPath)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebookPath)) ?? "");
        return folder.Length >= 5 && folder.StartsWith("day", StringComparison.Ordinal) && int.TryParse(folder.AsSpan(3, 2), out var day)
            ? day
            : null;
    }
}
