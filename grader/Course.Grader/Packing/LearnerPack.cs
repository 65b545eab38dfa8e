using System.Text;
using System.Xml.Linq;
using Course.Model;
using Course.Model.Files;

namespace Course.Grader.Packing;

/// <summary>How <see cref="LearnerPack.CreateAsync"/> treats uncommitted stubs and where its warnings go.</summary>
public sealed record PackOptions
{
    /// <summary>Pack exercises/ even when it differs from the committed stubs (a warning instead of a refusal).</summary>
    public bool IncludeChanges { get; init; }

    /// <summary>Receives the warnings (one line each); the CLI writes them to stderr.</summary>
    public Action<string> Warn { get; init; } = _ => { };

    /// <summary>Wall-clock limit of the `git status` that compares exercises/ with the committed stubs.</summary>
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The learner pack: curriculum, exercises with their public tests, the engine (+ Course.Engine.Testing), the sources
/// of the `course` CLI (the projects it references, so learners can run notebooks, the kernel and the public-only
/// grade), grader/Submission (to build another folder shaped like exercises/), the shared props (their comments
/// rewritten for the pack), global.json, a solution file, a .gitignore and a learner README. Never solutions/, tests/,
/// grader/hidden/, grader/exam-bank/ or .course/. exercises/ must match the committed stubs unless
/// <see cref="PackOptions.IncludeChanges"/>. Built in a temporary sibling folder and renamed into place, so a failed
/// or refused pack leaves nothing behind.
/// </summary>
public static class LearnerPack
{
    private static readonly string[] CopiedRootFiles = ["global.json", ".editorconfig"];
    private static readonly string[] EngineProjects = ["Course.Engine", "Course.Engine.Testing"];
    private const string CliProject = "grader/Course.Cli/Course.Cli.csproj";
    private const string SubmissionProjects = "grader/Submission";

    /// <summary>Folders of the course that never go into a pack (relative to the course root, '/' separators).</summary>
    public static readonly IReadOnlyList<string> NeverPacked = ["solutions", "tests", "grader/hidden", "grader/exam-bank", ".course"];

    public static async Task<string> CreateAsync(CourseLayout layout, string outDir, PackOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new PackOptions();
        var target = Path.GetFullPath(outDir);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new GradingException($"{outDir}: already exists and is not empty");
        if (IsUnder(target, layout.Root) && !IsUnder(target, Path.Combine(layout.Root, ".course")) && !IsUnder(target, Path.Combine(layout.Root, "out")))
            throw new GradingException($"{outDir}: the pack must not be written inside the course (use a folder outside it, or out/)");
        await CheckStubsAsync(layout, options, cancel);
        var manifest = CourseManifest.Load(layout.ManifestPath);
        var cliProjects = CliProjectFolders(layout);

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(temp);
            var folders = new List<string> { "curriculum", "exercises" };
            folders.AddRange(EngineProjects.Select(p => $"engine/{p}"));
            folders.AddRange(cliProjects);
            if (cliProjects.Count > 0) folders.Add(SubmissionProjects);
            foreach (var folder in folders.Distinct(StringComparer.Ordinal))
                FolderCopy.Copy(Path.Combine(layout.Root, folder), Path.Combine(temp, folder), SkipInPack);
            var hasSubmission = Directory.Exists(Path.Combine(temp, SubmissionProjects));

            foreach (var (file, header) in PropsHeaders(hasSubmission))
                if (File.Exists(Path.Combine(layout.Root, file)))
                    File.WriteAllText(Path.Combine(temp, file), PackProps.Rewrite(File.ReadAllText(Path.Combine(layout.Root, file)), header));
            foreach (var file in CopiedRootFiles.Where(f => File.Exists(Path.Combine(layout.Root, f))))
                File.Copy(Path.Combine(layout.Root, file), Path.Combine(temp, file));
            var testProjects = manifest.GradableDays
                .Select(d => $"exercises/{d.Project}.Tests/{d.Project}.Tests.csproj")
                .Where(p => File.Exists(Path.Combine(temp, p))).ToList();
            File.WriteAllText(Path.Combine(temp, "Course.Learner.slnx"), Solution(testProjects));
            File.WriteAllText(Path.Combine(temp, ".gitignore"), GitIgnore);
            var notebook = manifest.Days.Where(d => d.Available)
                .Select(d => $"{d.Folder.TrimEnd('/')}/notebook.ipynb")
                .FirstOrDefault(p => File.Exists(Path.Combine(temp, p)));
            File.WriteAllText(Path.Combine(temp, "README.md"), Readme(manifest, testProjects, cliProjects.Count > 0, notebook));

            foreach (var never in NeverPacked.Where(n => Directory.Exists(Path.Combine(temp, n))))
                throw new GradingException($"internal error: the pack would contain {never}/");
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(temp, target);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Count();
        var cli = cliProjects.Count > 0 ? "with the course CLI sources; " : "";
        return $"learner pack written to {target} ({files} files; {cli}no solutions, hidden tests, exam bank or platform tests)";
    }

    /// <summary>Refuses (or, with --include-changes, warns) when exercises/ is not what is committed; warns when git cannot tell.</summary>
    private static async Task CheckStubsAsync(CourseLayout layout, PackOptions options, CancellationToken cancel)
    {
        var status = await StubStatus.ReadAsync(layout.Root, options.GitTimeout, cancel);
        if (status.Unavailable is { } why)
        {
            options.Warn($"warning: cannot compare exercises/ with the committed stubs ({why}); packing exercises/ as it is");
            return;
        }
        if (status.Changes.Count == 0) return;
        var listed = string.Join(", ", status.Changes.Take(10)) + (status.Changes.Count > 10 ? $", … ({status.Changes.Count - 10} more)" : "");
        if (!options.IncludeChanges)
            throw new GradingException(
                $"exercises/ differs from the committed stubs: {listed}; commit or revert them, or pass --include-changes to pack them as they are");
        options.Warn($"warning: --include-changes: packing exercises/ with uncommitted changes: {listed}");
    }

    /// <summary>
    /// The folders (relative to the root) of the CLI project and every project it references, transitively, so that
    /// `dotnet build grader/Course.Cli` works in the pack. Empty when the course has no CLI project (a test fixture).
    /// </summary>
    private static IReadOnlyList<string> CliProjectFolders(CourseLayout layout)
    {
        var start = Path.Combine(layout.Root, CliProject);
        if (!File.Exists(start)) return [];
        var folders = new List<string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var project))
        {
            var folder = Path.GetRelativePath(layout.Root, Path.GetDirectoryName(project)!).Replace('\\', '/');
            if (folders.Contains(folder)) continue;
            if (folder.StartsWith("../", StringComparison.Ordinal) || NeverPacked.Any(n => folder == n || folder.StartsWith(n + "/", StringComparison.Ordinal)))
                throw new GradingException($"{CliProject}: it needs {folder}/, which a learner pack never contains");
            folders.Add(folder);
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = (string?)reference.Attribute("Include");
                if (string.IsNullOrEmpty(include) || include.Contains("$(", StringComparison.Ordinal)) continue;
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', '/')));
                if (!File.Exists(path)) throw new GradingException($"{project}: referenced project {include} not found");
                queue.Enqueue(path);
            }
        }
        return folders;
    }

    private static bool SkipInPack(string relativePath) =>
        FolderCopy.SkipBuildOutput(relativePath) || Path.GetFileName(relativePath) is ".vs" || relativePath.EndsWith(".user", StringComparison.Ordinal);

    /// <summary>The props files of the pack and the one comment each carries there (the course's comments describe folders a pack has not).</summary>
    private static IEnumerable<(string File, string Header)> PropsHeaders(bool hasSubmission)
    {
        yield return ("Directory.Build.props",
            """
            Settings every project of this learner pack shares. CourseImplementation (default: exercises, your code)
            chooses the implementation the public tests compile against.
            """);
        yield return ("Directory.Day.props", hasSubmission
            ? """
              The shared body of the per-day projects: exercises/DayNN (Implementation: your code),
              exercises/DayNN.Tests (PublicTests) and grader/Submission/DayNN (Submission: the same library built from
              the .cs files of another folder shaped like exercises/, given as -p:CourseImplementation=<folder>).
              """
            : """
              The shared body of the per-day projects: exercises/DayNN (Implementation: your code) and
              exercises/DayNN.Tests (PublicTests).
              """);
        yield return ("Directory.Packages.props", "Central package versions of every project in this learner pack.");
    }

    private const string GitIgnore = """
        bin/
        obj/
        .course/
        TestResults/
        *.user

        """;

    /// <summary>A minimal .slnx listing the public test projects (their project references bring in the exercises and the engine).</summary>
    private static string Solution(IEnumerable<string> testProjects)
    {
        var xml = new StringBuilder("<Solution>\n");
        foreach (var p in testProjects) xml.AppendLine($"  <Project Path=\"{p}\" />");
        xml.AppendLine("</Solution>");
        return xml.ToString();
    }

    private static string Readme(CourseManifest manifest, IReadOnlyList<string> testProjects, bool hasCli, string? notebook)
    {
        var firstTests = testProjects.Count > 0 ? testProjects[0] : "exercises/Day01.Tests/Day01.Tests.csproj";
        var firstDay = manifest.GradableDays.FirstOrDefault()?.Day ?? 1;
        var firstProject = manifest.GradableDays.FirstOrDefault()?.Project ?? "Day01";
        var nb = notebook ?? "curriculum/dayNN-*/notebook.ipynb";
        const string course = "dotnet run --project grader/Course.Cli --";
        var md = new StringBuilder();
        md.AppendLine($"# {manifest.Title.Ja} / {manifest.Title.En}");
        md.AppendLine();
        md.AppendLine("## 日本語");
        md.AppendLine();
        md.AppendLine("受講者用パックです。各日の `exercises/DayNN/` のスタブ（ヒント付きの `NotImplementedException` を投げるメソッド）を実装し、公開テストで確かめます。");
        md.AppendLine("講義・ノートブック・小テストは `curriculum/dayNN-*/`、土台のエンジンは `engine/Course.Engine/` にあります。必要なのは .NET 10 SDK（`global.json`）です。");
        md.AppendLine();
        md.AppendLine("### 公開テスト");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet test                                   # すべての日の公開テスト（実装するまでは失敗します。それで正常です）");
        md.AppendLine($"dotnet test --project {firstTests}   # 1 日分");
        md.AppendLine("```");
        if (hasCli)
        {
            md.AppendLine();
            md.AppendLine("### ノートブックを VS Code で開く");
            md.AppendLine();
            md.AppendLine("VS Code に Jupyter 拡張機能（Polyglot Notebooks と同じノートブック形式です）を入れ、コース用カーネルを一度だけ登録します:");
            md.AppendLine();
            md.AppendLine("```sh");
            md.AppendLine($"{course} kernel install --user   # \"C# (Course)\" カーネルを登録");
            md.AppendLine("```");
            md.AppendLine();
            md.AppendLine($"`{nb}` を開き、右上の「カーネルの選択」(Select Kernel) →「Jupyter Kernel…」→ **C# (Course)** を選びます。");
            md.AppendLine("セルは `exercises/` のあなたのコードを呼び出すので、演習を実装するにつれて動くようになります。一覧に出ないときは `jupyter kernelspec list` に `course-csharp` があるか確かめ、登録をやり直してウィンドウを再読み込みしてください。");
            md.AppendLine("ノートブックはコマンドラインからも実行できます（`--out 別ファイル.ipynb` で出力付きのノートブックを保存）:");
            md.AppendLine();
            md.AppendLine("```sh");
            md.AppendLine($"{course} notebook run {nb} --against exercises");
            md.AppendLine("```");
            md.AppendLine();
            md.AppendLine("### 採点（公開テストのみ）");
            md.AppendLine();
            md.AppendLine("講師の採点と同じ形式の点数表を、公開テストだけで出します（失敗したテストにはヒントが付きます）:");
            md.AppendLine();
            md.AppendLine("```sh");
            md.AppendLine($"{course} grade exercises --public-only --day {firstDay}");
            md.AppendLine("```");
        }
        md.AppendLine();
        md.AppendLine($"採点に使われるのは `exercises/DayNN/` の `.cs` ファイルだけです。講師は公開テストに加えて、このパックにない追加のテストでも採点します。ファイル・ネットワーク・プロセス・リフレクションの API は使えません。");
        md.AppendLine();
        md.AppendLine("## English");
        md.AppendLine();
        md.AppendLine($"Learner pack. Implement the stubs in `exercises/DayNN/` (each throws a `NotImplementedException` whose message is a hint), then check them with the public tests.");
        md.AppendLine("Lessons, notebooks and quizzes: `curriculum/dayNN-*/`. The engine you build on: `engine/Course.Engine/`. You need the .NET 10 SDK (`global.json`).");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet test                                   # every day's public tests (red until you implement them: that is the point)");
        md.AppendLine($"dotnet test --project {firstTests}   # one day");
        md.AppendLine("```");
        if (hasCli)
        {
            md.AppendLine();
            md.AppendLine($"**Notebooks in VS Code** (Jupyter extension; the notebooks use the Polyglot notebook format): register the course kernel once with");
            md.AppendLine($"`{course} kernel install --user`, open `{nb}`, then \"Select Kernel\" (top right) → \"Jupyter Kernel…\" → **C# (Course)**.");
            md.AppendLine($"The cells call your `exercises/` code. Not listed? Check `jupyter kernelspec list` shows `course-csharp`, re-run the install and reload the window.");
            md.AppendLine("From the command line (add `--out other.ipynb` to save the notebook with its outputs):");
            md.AppendLine();
            md.AppendLine("```sh");
            md.AppendLine($"{course} notebook run {nb} --against exercises");
            md.AppendLine("```");
            md.AppendLine();
            md.AppendLine("**Your grade from the public tests** (the same score table the instructor's grader prints; failed tests carry hints):");
            md.AppendLine();
            md.AppendLine("```sh");
            md.AppendLine($"{course} grade exercises --public-only --day {firstDay}   # or without --day: every day");
            md.AppendLine("```");
        }
        md.AppendLine();
        md.AppendLine($"Only your `.cs` files under `exercises/DayNN/` (e.g. `exercises/{firstProject}/`) are graded; your instructor also runs further tests that are not in this pack.");
        md.AppendLine("File, network, process and reflection APIs are not allowed in them.");
        md.AppendLine();
        md.AppendLine("| Day | テーマ | Theme |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var d in manifest.Days) md.AppendLine($"| {d.Day} | {d.Title.Ja} | {d.Title.En}{(d.Available ? "" : " (coming)")} |");
        return md.ToString();
    }

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
