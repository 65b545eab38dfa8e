using System.Globalization;
using System.Text;

namespace Course.Grader.Roster;

/// <summary>What a Slurm job array for a roster needs: the shard count, the cluster's limits and the command lines.</summary>
public sealed record SlurmJobSettings(
    string Course,
    string CourseRoot,
    string Roster,
    string Output,
    int Shards,
    int CpusPerTask,
    string TimeLimit,
    string? Partition = null,
    int? ArrayParallel = null,
    IReadOnlyList<string>? GradeArguments = null,
    bool Certify = false);

/// <summary>
/// The two batch scripts that spread a class over a Slurm cluster: a job array whose task i grades shard i+1/N into
/// its own folder, and a merge job (submitted with <c>--dependency=afterok</c> on the array) that builds the class
/// summary. The cluster's scheduler does the distribution; the course adds no scheduler of its own. For a
/// certification the tasks run <c>course certify --shard</c> into one shared folder and the dependent job certifies
/// the class there (every learner is found graded, so it only scores, ranks and signs).
/// </summary>
public static class SlurmJob
{
    public const string ArrayScript = "grade-array.sbatch";
    public const string MergeScript = "merge.sbatch";

    public static string ShardFolder(string output, int index) => Path.Combine(output, "shards", $"shard-{index:000}");

    /// <summary>Where a certification's array tasks and its final run write (one folder: certify resumes by content hash).</summary>
    public static string CertifyFolder(string output) => Path.Combine(output, "certify");

    public static string Array(SlurmJobSettings s)
    {
        var sb = Header(s, "course-grade", $"--array=0-{s.Shards - 1}{(s.ArrayParallel is { } m ? $"%{m}" : "")}", Path.Combine(s.Output, "logs", "shard-%a.out"));
        sb.Append($"#SBATCH --cpus-per-task={s.CpusPerTask}\n\n");
        sb.Append("set -euo pipefail\n");
        sb.Append("shard=$((SLURM_ARRAY_TASK_ID + 1))\n");
        var extra = string.Join(" ", (s.GradeArguments ?? []).Select(Quote));
        if (s.Certify)
        {
            sb.Append($"{s.Course} certify {Quote(s.Roster)} --course-root {Quote(s.CourseRoot)} --out {Quote(CertifyFolder(s.Output))} --shard \"$shard/{s.Shards}\" --jobs {s.CpusPerTask}{(extra.Length > 0 ? " " + extra : "")}\n");
            return sb.ToString();
        }
        sb.Append($"out={Quote(Path.Combine(s.Output, "shards"))}/shard-$(printf %03d \"$shard\")\n");
        sb.Append($"{s.Course} grade --course-root {Quote(s.CourseRoot)} --roster {Quote(s.Roster)} --out \"$out\" --shard \"$shard/{s.Shards}\" --jobs {s.CpusPerTask}{(extra.Length > 0 ? " " + extra : "")}\n");
        return sb.ToString();
    }

    public static string Merge(SlurmJobSettings s)
    {
        var sb = Header(s, "course-merge", null, Path.Combine(s.Output, "logs", "merge.out"));
        sb.Append("#SBATCH --cpus-per-task=1\n\nset -euo pipefail\n");
        if (s.Certify)
        {
            var extra = string.Join(" ", (s.GradeArguments ?? []).Select(Quote));
            sb.Append($"{s.Course} certify {Quote(s.Roster)} --course-root {Quote(s.CourseRoot)} --out {Quote(CertifyFolder(s.Output))} --jobs 1{(extra.Length > 0 ? " " + extra : "")}\n");
            return sb.ToString();
        }
        var shards = string.Join(" ", Enumerable.Range(1, s.Shards).Select(i => Quote(ShardFolder(s.Output, i))));
        sb.Append($"{s.Course} roster merge {shards} --out {Quote(Path.Combine(s.Output, "class"))}\n");
        return sb.ToString();
    }

    private static StringBuilder Header(SlurmJobSettings s, string name, string? array, string log)
    {
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name={name}\n");
        if (array is not null) sb.Append($"#SBATCH {array}\n");
        sb.Append($"#SBATCH --time={s.TimeLimit}\n");
        if (s.Partition is not null) sb.Append($"#SBATCH --partition={s.Partition}\n");
        sb.Append($"#SBATCH --output={log}\n");
        return sb;
    }

    /// <summary>Wall time for one shard: its learners' day budgets run CpusPerTask at a time, plus start-up, as HH:MM:SS.</summary>
    public static string TimeFor(int learnersPerShard, double daySecondsPerLearner, int cpusPerTask)
    {
        var seconds = 300 + learnersPerShard * daySecondsPerLearner / Math.Max(1, cpusPerTask) * 2;
        var t = TimeSpan.FromSeconds(Math.Ceiling(seconds / 60) * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");
    }

    private static string Quote(string s) =>
        s.All(c => char.IsLetterOrDigit(c) || "/._-=+:".Contains(c)) ? s : "'" + s.Replace("'", "'\\''") + "'";
}
