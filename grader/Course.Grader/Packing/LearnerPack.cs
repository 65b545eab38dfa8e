using System.Text;
using Course.Model;

namespace Course.Grader.Packing;

/// <summary>
/// The learner pack: curriculum, exercises with their public tests, the engine (+ Course.Engine.Testing), the shared
/// props, global.json, a solution file and a learner README. Never solutions/, grader/ (hidden tests) or tests/.
/// Built in a temporary sibling folder and renamed into place, so a failed pack leaves nothing behind.
/// </summary>
public static class LearnerPack
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Day.props", "Directory.Packages.props", "global.json", ".editorconfig"];
    private static readonly string[] EngineProjects = ["Course.Engine", "Course.Engine.Testing"];

    public static string Create(CourseLayout layout, string outDir)
    {
        var target = Path.GetFullPath(outDir);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new GradingException($"{outDir}: already exists and is not empty");
        if (IsUnder(target, layout.Root) && !IsUnder(target, Path.Combine(layout.Root, ".course")) && !IsUnder(target, Path.Combine(layout.Root, "out")))
            throw new GradingException($"{outDir}: the pack must not be written inside the course (use a folder outside it, or out/)");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(temp);
            var manifest = CourseManifest.Load(layout.ManifestPath);
            CopyTree(Path.Combine(layout.Root, "curriculum"), Path.Combine(temp, "curriculum"));
            CopyTree(layout.ExercisesDir, Path.Combine(temp, "exercises"));
            foreach (var project in EngineProjects)
                if (Directory.Exists(Path.Combine(layout.Root, "engine", project)))
                    CopyTree(Path.Combine(layout.Root, "engine", project), Path.Combine(temp, "engine", project));
            foreach (var file in RootFiles.Where(f => File.Exists(Path.Combine(layout.Root, f))))
                File.Copy(Path.Combine(layout.Root, file), Path.Combine(temp, file));
            var testProjects = manifest.GradableDays
                .Select(d => Path.Combine("exercises", $"{d.Project}.Tests", $"{d.Project}.Tests.csproj"))
                .Where(p => File.Exists(Path.Combine(temp, p))).ToList();
            File.WriteAllText(Path.Combine(temp, "Course.Learner.slnx"), Solution(testProjects));
            File.WriteAllText(Path.Combine(temp, "README.md"), Readme(manifest, testProjects));
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(temp, target);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Count();
        return $"learner pack written to {target} ({files} files; no solutions, hidden tests or platform tests)";
    }

    /// <summary>A minimal .slnx listing the public test projects (their project references bring in the exercises and the engine).</summary>
    private static string Solution(IEnumerable<string> testProjects)
    {
        var xml = new StringBuilder("<Solution>\n");
        foreach (var p in testProjects) xml.AppendLine($"  <Project Path=\"{p.Replace('\\', '/')}\" />");
        xml.AppendLine("</Solution>");
        return xml.ToString();
    }

    private static string Readme(CourseManifest manifest, IReadOnlyList<string> testProjects)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {manifest.Title.Ja} / {manifest.Title.En}");
        md.AppendLine();
        md.AppendLine("受講者用パックです。各日の `exercises/DayNN/` のスタブ（`NotImplementedException` を投げるメソッド）を実装し、公開テストで確認します。");
        md.AppendLine();
        md.AppendLine("Learner pack. Implement the stubs in `exercises/DayNN/` (each throws a `NotImplementedException` whose message is a hint), then run the public tests:");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet test                                  # every day's public tests (red until you implement them: that is the point)");
        if (testProjects.Count > 0) md.AppendLine($"dotnet test --project {testProjects[0].Replace('\\', '/')}   # one day");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("Lessons, notebooks and quizzes: `curriculum/dayNN-*/`. The engine you build on: `engine/Course.Engine/`.");
        md.AppendLine("Your instructor grades the same public tests plus hidden tests; only your `.cs` files under `exercises/DayNN/` are used,");
        md.AppendLine("and file, network, process and reflection APIs are not allowed in them.");
        md.AppendLine();
        md.AppendLine("| Day | テーマ | Theme |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var d in manifest.Days) md.AppendLine($"| {d.Day} | {d.Title.Ja} | {d.Title.En}{(d.Available ? "" : " (coming)")} |");
        return md.ToString();
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj" or "TestResults" or ".ipynb_checkpoints") continue;
            CopyTree(dir, Path.Combine(to, name));
        }
    }

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
