using System.Net;
using System.Text;
using Course.Model;
using Course.Model.Quizzes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Site;

/// <summary>
/// Builds the static course site from curriculum/: an index of the ten days (course.json titles,
/// ja/en; days without a lesson yet shown as coming), per day the lesson, quiz and notebook pages
/// with prev/next navigation, the glossary, and copies of notebooks and assets. The site mirrors
/// curriculum/'s folders, so relative links between lessons keep working.
/// </summary>
public sealed class SiteBuilder(string courseRoot)
{
    private readonly string curriculum = Path.Combine(courseRoot, "curriculum");
    private readonly List<string> pages = [];
    private readonly List<string> problems = [];

    public static SiteBuildResult Build(string courseRoot, string outDir) => new SiteBuilder(courseRoot).Run(outDir);

    private SiteBuildResult Run(string outDir)
    {
        var manifest = new CourseLayout(courseRoot).LoadManifest();
        var markdown = new MarkdownRenderer(curriculum);
        Directory.CreateDirectory(outDir);
        Write(outDir, "site.css", SiteLayout.Css);
        WriteStaticAssets(outDir);

        var withContent = manifest.Days.Where(d => File.Exists(Path.Combine(curriculum, d.Key, "lesson.md"))).ToList();
        Write(outDir, "index.html", SiteLayout.Page(manifest.Title.Ja, "", IndexBody(manifest, withContent)));
        WriteGlossary(outDir, markdown);
        for (var i = 0; i < withContent.Count; i++)
        {
            var previous = i > 0 ? withContent[i - 1] : null;
            var next = i + 1 < withContent.Count ? withContent[i + 1] : null;
            WriteDay(outDir, withContent[i], previous, next, markdown);
        }

        return new SiteBuildResult(pages.ToList(), problems.ToList());
    }

    private string IndexBody(CourseManifest manifest, IReadOnlyList<DayManifest> withContent)
    {
        var html = new StringBuilder();
        html.Append($"<h1>{Encode(manifest.Title.Ja)}</h1><p class=\"en\">{Encode(manifest.Title.En)}</p>");
        html.Append("<table class=\"days\"><thead><tr><th>Day</th><th>テーマ</th><th>Topic</th><th>内容 / Content</th></tr></thead><tbody>");
        foreach (var day in manifest.Days)
        {
            var ready = withContent.Contains(day);
            var title = ready ? $"<a href=\"{day.Key}/index.html\">{Encode(day.Title.Ja)}</a>" : Encode(day.Title.Ja);
            var content = ready ? DayLinks(day, day.Key + "/") : "<span class=\"coming\">準備中 / coming</span>";
            html.Append($"<tr><td>{day.Day}</td><td>{title}</td><td>{Encode(day.Title.En)}</td><td>{content}</td></tr>");
        }

        html.Append("</tbody></table><p><a href=\"glossary.html\">用語集 / Glossary</a></p>");
        return html.ToString();
    }

    private void WriteGlossary(string outDir, MarkdownRenderer markdown)
    {
        var source = Path.Combine(curriculum, "glossary.md");
        var body = File.Exists(source)
            ? markdown.Render(File.ReadAllText(source), source)
            : "<h1>用語集 / Glossary</h1><p class=\"coming\">準備中 / coming</p>";
        Write(outDir, "glossary.html", SiteLayout.Page("用語集 / Glossary", "", body));
    }

    private void WriteDay(string outDir, DayManifest day, DayManifest? previous, DayManifest? next, MarkdownRenderer markdown)
    {
        var folder = Path.Combine(curriculum, day.Key);
        var nav = Navigation(previous, next);
        var header = $"<p class=\"day-header\">Day {day.Day} · {Encode(day.Title.Ja)} / {Encode(day.Title.En)} — {DayLinks(day, "")}</p>";

        var lessonFile = Path.Combine(folder, "lesson.md");
        var lesson = header + markdown.Render(File.ReadAllText(lessonFile), lessonFile) + ExercisesSection(day);
        Write(outDir, $"{day.Key}/index.html", SiteLayout.Page($"Day {day.Day}: {day.Title.Ja}", "../", lesson, nav));

        var quizFile = Path.Combine(folder, "quiz.md");
        if (File.Exists(quizFile))
        {
            var quiz = QuizParser.Parse(File.ReadAllText(quizFile), Path.GetRelativePath(courseRoot, quizFile));
            problems.AddRange(quiz.Errors);
            var body = header + QuizPage.RenderBody(quiz, markdown, quizFile);
            Write(outDir, $"{day.Key}/quiz.html", SiteLayout.Page($"Day {day.Day} クイズ / Quiz", "../", body, nav));
        }

        var notebookFile = Path.Combine(folder, "notebook.ipynb");
        if (File.Exists(notebookFile))
        {
            string body;
            try
            {
                body = NotebookPage.RenderBody(NotebookFile.Load(notebookFile), markdown, notebookFile);
            }
            catch (NotebookFormatException e)
            {
                var message = e.Message.Replace(courseRoot.TrimEnd('/') + "/", "", StringComparison.Ordinal);
                problems.Add(message);
                body = $"<pre class=\"nb-output error\">{Encode(message)}</pre>";
            }

            Write(outDir, $"{day.Key}/notebook.html", SiteLayout.Page($"Day {day.Day} ノートブック / Notebook", "../",
                header + "<p><a href=\"notebook.ipynb\">notebook.ipynb をダウンロード / download</a></p>" + body, nav));
            Copy(notebookFile, Path.Combine(outDir, day.Key, "notebook.ipynb"), outDir);
        }

        // Other markdown pages of the day (appendices) and the assets folder.
        foreach (var extra in Directory.EnumerateFiles(folder, "*.md").Where(f => Path.GetFileName(f) is not ("lesson.md" or "quiz.md")))
        {
            var name = Path.GetFileNameWithoutExtension(extra);
            Write(outDir, $"{day.Key}/{name}.html", SiteLayout.Page($"Day {day.Day}: {name}", "../", header + markdown.Render(File.ReadAllText(extra), extra), nav));
        }

        var assets = Path.Combine(folder, "assets");
        if (Directory.Exists(assets))
        {
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
            {
                Copy(file, Path.Combine(outDir, day.Key, "assets", Path.GetRelativePath(assets, file)), outDir);
            }
        }
    }

    /// <summary>Lesson · quiz · notebook links of a day, for files that exist; <paramref name="prefix"/> leads from the page to the day's folder.</summary>
    private string DayLinks(DayManifest day, string prefix)
    {
        var folder = Path.Combine(curriculum, day.Key);
        var links = new List<string> { $"<a href=\"{prefix}index.html\">講義 / Lesson</a>" };
        if (File.Exists(Path.Combine(folder, "quiz.md"))) links.Add($"<a href=\"{prefix}quiz.html\">クイズ / Quiz</a>");
        if (File.Exists(Path.Combine(folder, "notebook.ipynb"))) links.Add($"<a href=\"{prefix}notebook.html\">ノートブック / Notebook</a>");
        return string.Join(" · ", links);
    }

    private static string ExercisesSection(DayManifest day)
    {
        if (day.Exercises.Count == 0 || day.Project is null) return "";
        var html = new StringBuilder("<section class=\"exercises\"><h2 id=\"exercises\">演習 / Exercises</h2>");
        html.Append($"<p>プロジェクト / project: <code>exercises/{Encode(day.Project)}</code> (public tests: <code>dotnet test exercises/{Encode(day.Project)}.Tests</code>)</p>");
        html.Append("<table><thead><tr><th>#</th><th>Exercise</th><th>Points</th></tr></thead><tbody>");
        foreach (var e in day.Exercises) html.Append($"<tr><td>{Encode(e.Id)}</td><td>{Encode(e.Title)}</td><td>{e.Points}</td></tr>");
        html.Append("</tbody></table></section>");
        return html.ToString();
    }

    private static string Navigation(DayManifest? previous, DayManifest? next)
    {
        var left = previous is null ? "<span></span>" : $"<a href=\"../{previous.Key}/index.html\">← Day {previous.Day}: {Encode(previous.Title.Ja)}</a>";
        var right = next is null ? "<span></span>" : $"<a href=\"../{next.Key}/index.html\">Day {next.Day}: {Encode(next.Title.Ja)} →</a>";
        return left + right;
    }

    /// <summary>
    /// The embedded static files (Site/assets/: the page script and KaTeX with its fonts) under static/, so math
    /// renders without a network.
    /// </summary>
    private void WriteStaticAssets(string outDir)
    {
        const string prefix = "CourseSite/";
        var assembly = typeof(SiteBuilder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = SiteLayout.StaticFolder + "/" + name[prefix.Length..].Replace('\\', '/');
            var path = Path.Combine(outDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var source = assembly.GetManifestResourceStream(name)!)
            using (var target = File.Create(path))
            {
                source.CopyTo(target);
            }

            pages.Add(relative);
        }
    }

    private void Write(string outDir, string relative, string content)
    {
        var path = Path.Combine(outDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        pages.Add(relative);
    }

    private void Copy(string from, string to, string outDir)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
        pages.Add(Path.GetRelativePath(outDir, to));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
