using Course.Grader.Checks;
using Course.Model;
using Course.Model.Files;

namespace Course.Grader.Benchmarks;

/// <summary>What a generated learner handed in, and what grading must make of it.</summary>
public enum LearnerKind
{
    /// <summary>The reference solutions of every day: full marks.</summary>
    Solution,

    /// <summary>The stubs as handed out: zero.</summary>
    Stub,

    /// <summary>The solutions with one known bug of one day: that day loses points.</summary>
    Mutant,

    /// <summary>The solutions with one day that does not compile: that day is a compile error, the others full marks.</summary>
    CompileError,

    /// <summary>A folder with no DayNN folder: the learner is reported as an error, the class goes on.</summary>
    Empty,
}

/// <summary>
/// A class built on disk from the course's own material: 40% solutions, 20% stubs, 20% solutions with one mutant
/// (round-robin over every mutant of the course), 10% with a day that does not compile, 10% empty folders.
/// </summary>
public static class ClassRoster
{
    public static IReadOnlyList<(string Id, LearnerKind Kind)> Write(CourseLayout layout, string rosterDir, int learners)
    {
        var manifest = layout.LoadManifest();
        var days = manifest.GradableDays.ToList();
        var mutants = Mutants.Discover(layout, manifest).Where(m => m.MaxScore is null).ToList();
        var roster = new List<(string, LearnerKind)>();
        var nextMutant = 0;
        for (var i = 0; i < learners; i++)
        {
            var kind = (i % 10) switch
            {
                < 4 => LearnerKind.Solution,
                < 6 => LearnerKind.Stub,
                < 8 => LearnerKind.Mutant,
                8 => LearnerKind.CompileError,
                _ => LearnerKind.Empty,
            };
            var id = $"learner-{i:000}";
            var folder = Path.Combine(rosterDir, id);
            Directory.CreateDirectory(folder);
            if (kind == LearnerKind.Empty) File.WriteAllText(Path.Combine(folder, "README.txt"), "nothing handed in");
            foreach (var day in kind == LearnerKind.Empty ? [] : days)
                FolderCopy.CopySources(Path.Combine(kind == LearnerKind.Stub ? layout.ExercisesDir : layout.SolutionsDir, day.Project!), Path.Combine(folder, day.Project!));
            if (kind == LearnerKind.Mutant)
            {
                var mutant = mutants[nextMutant++ % mutants.Count];
                MutationPatch.Overlay(mutant.Folder, Path.Combine(folder, mutant.Day.Project!));
            }
            if (kind == LearnerKind.CompileError)
            {
                var day = days[i / 10 % days.Count];
                var file = Directory.EnumerateFiles(Path.Combine(folder, day.Project!), "*.cs").Order(StringComparer.Ordinal).First();
                File.AppendAllText(file, "\nthis is not C#\n");
            }
            roster.Add((id, kind));
        }
        return roster;
    }
}
