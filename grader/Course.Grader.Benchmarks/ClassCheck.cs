using System.Globalization;
using Course.Model;

namespace Course.Grader.Benchmarks;

/// <summary>Every learner of the class in summary.csv, with the grade their kind of submission must get.</summary>
public static class ClassCheck
{
    public static IReadOnlyList<string> Compare(IReadOnlyList<(string Id, LearnerKind Kind)> roster, string summaryCsv, CourseManifest manifest)
    {
        var problems = new List<string>();
        if (!File.Exists(summaryCsv)) return [$"{summaryCsv}: missing"];
        var lines = File.ReadAllLines(summaryCsv);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0]);
        var full = manifest.GradableDays.Sum(d => d.Points);
        foreach (var (id, kind) in roster)
        {
            if (!rows.TryGetValue(id, out var row)) { problems.Add($"{id} ({kind}): not in summary.csv"); continue; }
            var status = row[Array.IndexOf(header, "status")];
            var score = double.TryParse(row[Array.IndexOf(header, "score")], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : double.NaN;
            var ok = kind switch
            {
                LearnerKind.Solution => status == "graded" && score == full,
                LearnerKind.Stub => status == "graded" && score == 0,
                LearnerKind.Mutant => status == "graded" && score < full && score > full - 100,
                LearnerKind.CompileError => status == "graded" && score == full - 100 && row.Contains("compile_error"),
                _ => status == "error",
            };
            if (!ok) problems.Add($"{id} ({kind}): status {status}, score {score}");
        }
        return problems;
    }
}
