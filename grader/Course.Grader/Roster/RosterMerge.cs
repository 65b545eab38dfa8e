using Course.Model.Files;

namespace Course.Grader.Roster;

/// <summary>
/// <c>course roster merge</c>: the class summary from the shards of a cluster run. Every shard must have been graded
/// with the same course version and options, no learner may appear twice, and the rows keep learner-id order — the
/// same summary a single-machine run of the whole roster writes.
/// </summary>
public static class RosterMerge
{
    public static int Merge(IReadOnlyList<string> shardFolders, string outDir)
    {
        if (shardFolders.Count == 0) throw new GradingException("roster merge: no shard folders given");
        var runs = shardFolders.Select(f => (Folder: f, Run: RosterRun.Read(f))).ToList();
        var first = runs[0];
        foreach (var (folder, run) in runs.Skip(1))
            if (!run.SameGrading(first.Run))
                throw new GradingException($"{folder}: graded with course {run.CourseVersion}, days {run.Days}, public-only {run.PublicOnly}; " +
                                           $"{first.Folder} with course {first.Run.CourseVersion}, days {first.Run.Days}, public-only {first.Run.PublicOnly}: refusing to merge");

        string? header = null;
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, _) in runs)
        {
            var summary = Path.Combine(folder, "summary.csv");
            if (!File.Exists(summary)) throw new GradingException($"{folder}: no summary.csv (the shard did not finish)");
            var lines = File.ReadAllLines(summary).Where(l => l.Length > 0).ToList();
            if (header is not null && lines[0] != header) throw new GradingException($"{summary}: columns differ from the other shards'");
            header ??= lines[0];
            foreach (var row in lines.Skip(1))
            {
                var learner = row.StartsWith('"') ? row[1..row.IndexOf('"', 1)] : row.Split(',')[0];
                if (!rows.TryAdd(learner, row)) throw new GradingException($"{summary}: learner {learner} is in more than one shard");
            }
        }

        Directory.CreateDirectory(outDir);
        foreach (var (folder, _) in runs)
            foreach (var learner in Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')))
                CopyFolder(learner, Path.Combine(outDir, Path.GetFileName(learner)));
        AtomicFile.WriteAllText(Path.Combine(outDir, RosterRun.FileName), (first.Run with { Shard = "merged" }).Render());
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.csv"), header + "\n" + string.Concat(rows.Values.Select(r => r + "\n")));
        return rows.Count;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
