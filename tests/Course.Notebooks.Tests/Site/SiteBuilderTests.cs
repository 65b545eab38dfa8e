using Course.Notebooks.Site;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Site;

public sealed class SiteBuilderTests
{
    [Fact]
    public void Fixture_course_renders_every_page_and_all_internal_links_resolve()
    {
        var root = FixtureCourse.Create();
        var site = Path.Combine(root, "site");

        var result = SiteBuilder.Build(root, site);

        result.Pages.Should().Contain(["index.html", "glossary.html", "site.css", "day01-alpha/index.html", "day01-alpha/quiz.html",
            "day01-alpha/notebook.html", "day01-alpha/notebook.ipynb", "day01-alpha/assets/figure.svg", "day02-beta/index.html"]);
        LinkChecker.Check(site).Should().BeEmpty();
    }

    [Fact]
    public void Index_lists_every_day_with_titles_and_marks_days_without_lessons_as_coming()
    {
        var root = FixtureCourse.Create();
        SiteBuilder.Build(root, Path.Combine(root, "site"));
        var index = File.ReadAllText(Path.Combine(root, "site", "index.html"));

        index.Should().Contain("テスト講座").And.Contain("Test course");
        index.Should().Contain("<a href=\"day01-alpha/index.html\">一日目</a>").And.Contain("Day one");
        index.Should().Contain("<a href=\"day01-alpha/quiz.html\">");
        System.Text.RegularExpressions.Regex.Matches(index, "準備中 / coming").Count.Should().Be(2);
        index.Should().Contain("三日目").And.NotContain("day03-gamma/index.html");
    }

    [Fact]
    public void Lesson_keeps_math_readable_highlights_code_and_rewrites_links()
    {
        var root = FixtureCourse.Create();
        SiteBuilder.Build(root, Path.Combine(root, "site"));
        var lesson = File.ReadAllText(Path.Combine(root, "site", "day01-alpha", "index.html"));

        lesson.Should().Contain("<span class=\"math\">");
        lesson.Should().Contain("<div class=\"math\">");
        lesson.Should().Contain("<table>").And.Contain("task-list-item");
        lesson.Should().Contain("<span class=\"com\">// 安定なソフトマックス</span>").And.Contain("<span class=\"kw\">var</span>")
            .And.Contain("<span class=\"str\">&quot;done&quot;</span>");
        lesson.Should().Contain("href=\"../glossary.html#softmax-function\"").And.Contain("href=\"quiz.html\"")
            .And.Contain("href=\"notebook.html\"").And.Contain("href=\"../day02-beta/index.html\"");
        lesson.Should().Contain("<span class=\"repo-path\" title=\"exercises/Day01/Activations.cs\">");
        lesson.Should().Contain("<code>exercises/Day01</code>").And.Contain("<td>1.2</td><td>Softmax</td><td>60</td>");
        lesson.Should().Contain("href=\"../day02-beta/index.html\">Day 2: 二日目 →</a>", "prev/next skips days without lessons");
    }

    [Fact]
    public void Site_carries_katex_with_its_fonts_and_every_page_loads_it_from_the_site_itself()
    {
        var root = FixtureCourse.Create();
        var site = Path.Combine(root, "site");
        var result = SiteBuilder.Build(root, site);

        result.Pages.Should().Contain(["static/site.js", "static/katex/katex.min.js", "static/katex/katex.min.css",
            "static/katex/contrib/auto-render.min.js", "static/katex/LICENSE"]);
        var css = File.ReadAllText(Path.Combine(site, "static", "katex", "katex.min.css"));
        var fonts = System.Text.RegularExpressions.Regex.Matches(css, @"url\((fonts/[^)]+)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
        fonts.Should().HaveCountGreaterThanOrEqualTo(20).And.OnlyContain(f => f.EndsWith(".woff2") && File.Exists(Path.Combine(site, "static", "katex", f)));
        File.ReadAllText(Path.Combine(site, "static", "katex", "LICENSE")).Should().Contain("MIT License");

        var lesson = File.ReadAllText(Path.Combine(site, "day01-alpha", "index.html"));
        lesson.Should().Contain("<link rel=\"stylesheet\" href=\"../static/katex/katex.min.css\">")
            .And.Contain("<script defer src=\"../static/katex/katex.min.js\"></script>")
            .And.Contain("<script defer src=\"../static/site.js\"></script>");
        File.ReadAllText(Path.Combine(site, "index.html")).Should().Contain("<script defer src=\"static/katex/katex.min.js\"></script>");
        foreach (var page in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories))
        {
            File.ReadAllText(page).Should().NotMatchRegex("""(?:src|href)="(?:https?:)?//[^"]*\.(?:js|css)""", "math renders without a network");
        }

        File.ReadAllText(Path.Combine(site, "site.css")).Should().Contain("font-family: \"Noto Sans CJK JP\"");
    }

    [Fact]
    public void Code_blocks_get_a_tab_stop_so_the_keyboard_can_scroll_them()
    {
        var root = FixtureCourse.Create();
        SiteBuilder.Build(root, Path.Combine(root, "site"));
        var lesson = File.ReadAllText(Path.Combine(root, "site", "day01-alpha", "index.html"));

        lesson.Should().Contain("<pre class=\"code\" tabindex=\"0\"><code class=\"language-csharp\">");
        System.Text.RegularExpressions.Regex.IsMatch(lesson, "<pre(?![^>]*tabindex)").Should().BeFalse();
    }

    [Fact]
    public void Quiz_hides_answers_in_details_and_reports_malformed_questions()
    {
        var root = FixtureCourse.Create();
        var result = SiteBuilder.Build(root, Path.Combine(root, "site"));
        var quiz = File.ReadAllText(Path.Combine(root, "site", "day01-alpha", "quiz.html"));

        quiz.Should().Contain("<section class=\"quiz-question\" id=\"d1-q1\">");
        quiz.Should().Contain("<ol class=\"options\" type=\"A\"><li>0</li><li>1</li><li>e</li><li>入力による</li></ol>");
        quiz.Should().Contain("<details><summary>答えと解説 / Answer and explanation</summary><p class=\"answer\">正解 / Answer: B</p>");
        quiz.Should().NotContain("[x]");
        quiz.Should().NotContain("id=\"d1-q2\"", "a malformed question is reported, not published");
        quiz.Should().NotContain("003 L124", "the heading's source reference is maintainers' metadata");
        result.Problems.Should().Equal(
            "curriculum/day01-alpha/quiz.md:16: D1-Q2 has 3 options (expected exactly 4)",
            "curriculum/day01-alpha/quiz.md:16: D1-Q2 marks 2 options correct (expected exactly one '- [x]')");
    }

    [Fact]
    public void Notebook_page_shows_cells_and_stored_outputs()
    {
        var root = FixtureCourse.Create();
        SiteBuilder.Build(root, Path.Combine(root, "site"));
        var page = File.ReadAllText(Path.Combine(root, "site", "day01-alpha", "notebook.html"));

        page.Should().Contain("<h1 id=\"固定ノート\">固定ノート</h1>");
        page.Should().Contain("In [7]:").And.Contain("<pre class=\"nb-output stdout\" tabindex=\"0\">stale\n</pre>");
        page.Should().Contain("href=\"notebook.ipynb\"");
    }

    [Fact]
    public void Link_checker_reports_missing_files_and_missing_fragments()
    {
        var site = FixtureNotebooks.TempFolder();
        File.WriteAllText(Path.Combine(site, "a.html"), "<a href=\"b.html#there\">b</a> <a href=\"b.html#nowhere\">x</a> <img src=\"missing.png\"> <a href=\"https://example.org\">e</a>");
        File.WriteAllText(Path.Combine(site, "b.html"), "<h2 id=\"there\">t</h2>");

        LinkChecker.Check(site).Select(b => b.ToString()).Should().Equal(
            "a.html: b.html#nowhere: no id 'nowhere' in the target page",
            "a.html: missing.png: target does not exist");
    }

    [Fact]
    public void Real_curriculum_renders_and_every_internal_link_resolves()
    {
        var root = RepoRoot();
        var site = FixtureNotebooks.TempFolder();

        var result = SiteBuilder.Build(root, site);

        result.Pages.Should().Contain(["index.html", "glossary.html"]);
        File.ReadAllText(Path.Combine(site, "glossary.html")).Should().Contain("id=\"softmax-function\"").And.Contain("ソフトマックス関数");
        LinkChecker.Check(site).Select(b => b.ToString()).Should().BeEmpty();
        result.Problems.Should().BeEmpty();
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "curriculum", "course.json"))) dir = dir.Parent;
        if (dir is not null) return dir.FullName;
        // Built with --artifacts-path outside the repo: fall back to the source tree this file lives in.
        return Path.GetFullPath(Path.Combine(SourceDir(), "..", "..", ".."));
    }

    private static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
