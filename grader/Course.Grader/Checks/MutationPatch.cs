namespace Course.Grader.Checks;

/// <summary>
/// A mutant's change to one solution file, written as conflict-style hunks (<c>File.cs.mutation</c>):
/// <code>
/// &lt;&lt;&lt;&lt;&lt;&lt;&lt; solution
/// var shifted = row - row.Max();
/// =======
/// var shifted = row;
/// &gt;&gt;&gt;&gt;&gt;&gt;&gt; mutant
/// </code>
/// Each solution snippet must occur exactly once in the current solution file, so a mutant that no longer matches the
/// solution it was written against fails loudly instead of silently testing stale code.
/// </summary>
public sealed record MutationPatch(IReadOnlyList<(string Solution, string Mutant)> Hunks)
{
    private const string Begin = "<<<<<<< solution", Middle = "=======", End = ">>>>>>> mutant";

    /// <summary>Parses a <c>.mutation</c> file; throws <see cref="FormatException"/> naming the file and line.</summary>
    public static MutationPatch Parse(string text, string fileName)
    {
        var hunks = new List<(string, string)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0) { i++; continue; }
            if (lines[i] != Begin) throw new FormatException($"{fileName}:{i + 1}: expected '{Begin}'.");
            int start = ++i;
            while (i < lines.Length && lines[i] != Middle) i++;
            if (i == lines.Length) throw new FormatException($"{fileName}:{start}: hunk has no '{Middle}' line.");
            var solution = string.Join('\n', lines[start..i]);
            int mid = ++i;
            while (i < lines.Length && lines[i] != End) i++;
            if (i == lines.Length) throw new FormatException($"{fileName}:{mid}: hunk has no '{End}' line.");
            var mutant = string.Join('\n', lines[mid..i]);
            i++;
            if (solution.Trim().Length == 0) throw new FormatException($"{fileName}:{start}: the solution side of a hunk is empty.");
            hunks.Add((solution + "\n", mid == i - 1 ? "" : mutant + "\n"));
        }
        if (hunks.Count == 0) throw new FormatException($"{fileName}: no hunks.");
        return new MutationPatch(hunks);
    }

    /// <summary>
    /// A mutant folder's overlay: each <c>File.cs.mutation</c> (hunks for <c>File.cs</c>) or <c>File.cs</c> (a whole
    /// replacement), any depth, with the path relative to the project that it changes.
    /// </summary>
    public static IReadOnlyList<(string File, string Target)> OverlayOf(string mutantFolder) =>
        Directory.EnumerateFiles(mutantFolder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cs.mutation", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(mutantFolder, f) is var rel && rel.EndsWith(".mutation", StringComparison.Ordinal)
                ? (f, rel[..^".mutation".Length]) : (f, rel))
            .ToList();

    /// <summary>Applies a mutant folder's overlay to a copy of the solution project in <paramref name="projectFolder"/>;
    /// throws as <see cref="Parse"/> and <see cref="Apply"/> do.</summary>
    public static void Overlay(string mutantFolder, string projectFolder)
    {
        foreach (var (file, target) in OverlayOf(mutantFolder))
        {
            var destination = Path.Combine(projectFolder, target);
            if (file.EndsWith(".mutation", StringComparison.Ordinal))
            {
                var name = Path.GetRelativePath(mutantFolder, file);
                File.WriteAllText(destination, Parse(File.ReadAllText(file), name).Apply(File.ReadAllText(destination), name));
            }
            else File.Copy(file, destination, overwrite: true);
        }
    }

    /// <summary>Applies every hunk to <paramref name="solution"/>; throws naming the hunk that does not match exactly once.</summary>
    public string Apply(string solution, string fileName)
    {
        var text = solution.Replace("\r\n", "\n");
        for (int h = 0; h < Hunks.Count; h++)
        {
            var (from, to) = Hunks[h];
            int first = text.IndexOf(from, StringComparison.Ordinal);
            if (first < 0) throw new InvalidOperationException($"{fileName}: hunk {h + 1} no longer matches the solution file.");
            if (text.IndexOf(from, first + 1, StringComparison.Ordinal) >= 0)
                throw new InvalidOperationException($"{fileName}: hunk {h + 1} matches the solution file more than once; add context lines.");
            text = string.Concat(text.AsSpan(0, first), to, text.AsSpan(first + from.Length));
        }
        return text;
    }
}
