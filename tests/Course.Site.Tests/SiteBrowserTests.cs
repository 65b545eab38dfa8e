using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Course.Site.Tests;

/// <summary>
/// The generated site as a learner sees it in Chromium: pages load without errors or network requests, math is
/// typeset by the bundled KaTeX (no raw TeX left in the text), images and links resolve, quiz answers stay folded,
/// and axe finds no serious or critical accessibility problem. Screenshots go to bin/…/artifacts/site/.
/// </summary>
[Trait("Speed", "Slow")]
public sealed partial class SiteBrowserTests(BuiltSite site) : ChromiumTest, IClassFixture<BuiltSite>
{
    // What the page shows after the page script ran: text outside code (MathML copies of the TeX removed),
    // math elements KaTeX did not typeset, KaTeX parse errors, images that did not decode, every referenced URL.
    private const string InspectScript = """
        () => {
          const main = document.querySelector('main');
          const clone = main ? main.cloneNode(true) : document.createElement('main');
          clone.querySelectorAll('pre, code, .katex-mathml, annotation, script, style, svg').forEach(e => e.remove());
          return {
            lang: document.documentElement.lang,
            text: clone.textContent,
            math: document.querySelectorAll('.math').length,
            katex: document.querySelectorAll('.katex').length,
            untypeset: [...document.querySelectorAll('.math')].filter(e => !e.querySelector('.katex')).map(e => e.textContent.slice(0, 80)),
            katexErrors: [...document.querySelectorAll('.katex-error')].map(e => e.getAttribute('title') || e.textContent),
            mermaid: document.querySelectorAll('.language-mermaid, .mermaid, pre code[class*=mermaid]').length,
            noAlt: [...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.getAttribute('src')),
            brokenImages: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
            urls: [...document.querySelectorAll('a[href], link[href], script[src], img[src]')].map(e => e.href || e.src),
          };
        }
        """;

    [GeneratedRegex("""\\\(|\\\)|\\\[|\\\]|\$\$|\\(?:frac|sum|begin|end|mathbf|mathrm|partial|sqrt|cdot|text)\b""")]
    private static partial Regex RawTex();

    [GeneratedRegex("""(?<![\w$])\$[^\s$][^$\n]{0,200}?(?<=\S)\$(?![\w$])""")]
    private static partial Regex DollarMath();

    [GeneratedRegex("""\b(?:graph (?:TD|TB|LR|RL)|flowchart (?:TD|TB|LR|RL)|sequenceDiagram|classDiagram|stateDiagram)\b""")]
    private static partial Regex MermaidSource();

    [Fact]
    public async Task Every_page_loads_offline_without_errors_and_shows_no_raw_tex_or_diagram_source()
    {
        site.Result.Problems.Should().BeEmpty();
        site.Pages.Should().Contain(["index.html", "glossary.html"]).And.Contain(p => p.EndsWith("/quiz.html", StringComparison.Ordinal));
        var page = await NewPageAsync();
        var problems = new List<string>();
        var current = "";
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{current}: console error: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"{current}: script error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"{current}: request failed: {r.Url} ({r.Failure})");
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) problems.Add($"{current}: network request: {r.Url}");
        };

        foreach (var name in site.Pages)
        {
            current = name;
            await page.GotoAsync(site.Url(name), new() { WaitUntil = WaitUntilState.Load });
            await WaitForMathAsync(page, name, problems);
            var report = await InspectAsync(page);
            problems.AddRange(Check(name, report));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Each_lesson_with_math_is_typeset_by_katex_with_its_bundled_fonts()
    {
        var lessons = site.Pages.Where(p => Regex.IsMatch(p, @"^day\d\d-[^/]+/index\.html$")).ToList();
        lessons.Should().NotBeEmpty();
        var page = await NewPageAsync();
        foreach (var lesson in lessons)
        {
            var source = await File.ReadAllTextAsync(Path.Combine(site.Root, lesson), TestContext.Current.CancellationToken);
            if (!source.Contains("class=\"math\"", StringComparison.Ordinal)) continue;
            await page.GotoAsync(site.Url(lesson));
            await page.WaitForFunctionAsync("() => document.documentElement.dataset.math === 'rendered'", null, new() { Timeout = 10_000 });
            var report = await InspectAsync(page);
            report.Katex.Should().BeGreaterThan(0, $"{lesson} has math");
            report.Untypeset.Should().BeEmpty($"every math element of {lesson} becomes KaTeX");

            var fonts = await page.EvaluateAsync<string[]>("""
                async () => { await document.fonts.ready;
                  return [...document.fonts].filter(f => f.family.includes('KaTeX') && f.status !== 'unloaded').map(f => f.family + ':' + f.status); }
                """);
            fonts.Should().NotBeEmpty($"{lesson} uses the KaTeX fonts").And.OnlyContain(f => f.EndsWith(":loaded", StringComparison.Ordinal), $"fonts of {lesson} load from static/katex/fonts");
        }

        var family = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        family.Should().StartWith("\"Noto Sans CJK JP\"", "Japanese text has a stated font stack");
    }

    [Fact]
    public async Task Quiz_answers_stay_folded_until_the_learner_opens_them()
    {
        var quizzes = site.Pages.Where(p => p.EndsWith("/quiz.html", StringComparison.Ordinal)).ToList();
        var page = await NewPageAsync();
        foreach (var quiz in quizzes)
        {
            await page.GotoAsync(site.Url(quiz));
            var questions = await page.Locator("section.quiz-question").CountAsync();
            questions.Should().BeGreaterThan(0, quiz);
            var details = page.Locator("section.quiz-question details");
            (await details.CountAsync()).Should().Be(questions, $"{quiz}: one folded answer per question");
            (await page.EvaluateAsync<int>("() => document.querySelectorAll('details[open]').length")).Should().Be(0, $"{quiz}: answers start closed");
            var shown = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('section.quiz-question .answer')].filter(a => a.checkVisibility()).length");
            shown.Should().Be(0, $"{quiz}: no answer is visible before its summary is opened");
        }

        await page.GotoAsync(site.Url(quizzes[0]));
        var first = page.Locator("section.quiz-question details").First;
        await first.Locator("summary").ClickAsync();
        (await first.EvaluateAsync<bool>("d => d.open")).Should().BeTrue();
        (await first.Locator(".answer").IsVisibleAsync()).Should().BeTrue("opening the summary shows the answer");
        (await page.Locator("section.quiz-question details").Nth(1).Locator(".answer").IsVisibleAsync()).Should().BeFalse("other answers stay closed");
    }

    // KaTeX's visual glyph boxes (.katex-html, aria-hidden; readers get the MathML beside them) are thousands of spans
    // in the colour of the surrounding text: leaving them out keeps the scan of a lesson to seconds.
    private static readonly AxeRunContext KatexGlyphsExcluded = new() { Exclude = [new AxeSelector(".katex-html")] };

    // Only violations are reported back (axe skips collecting the passing nodes of every rule).
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_accessibility_violation()
    {
        // One page of each kind: home, glossary, and the lesson, quiz and notebook of the day with the shortest lesson
        // (every lesson shares the same frame and elements; axe on a long lesson takes many seconds).
        var day = site.Pages.Where(p => Regex.IsMatch(p, @"^day\d\d-[^/]+/index\.html$"))
            .OrderBy(p => new FileInfo(Path.Combine(site.Root, p)).Length).ThenBy(p => p, StringComparer.Ordinal).First().Split('/')[0];
        var pages = new[] { "index.html", "glossary.html", $"{day}/index.html", $"{day}/quiz.html", $"{day}/notebook.html" }.Where(site.Pages.Contains).ToList();
        pages.Should().HaveCountGreaterThanOrEqualTo(3);
        var page = await NewPageAsync();
        var violations = new List<string>();
        foreach (var name in pages)
        {
            await page.GotoAsync(site.Url(name));
            await page.WaitForFunctionAsync("() => document.documentElement.dataset.math === 'rendered'", null, new() { Timeout = 10_000 });
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await page.RunAxe(KatexGlyphsExcluded, ViolationsOnly);
            TestContext.Current.TestOutputHelper?.WriteLine($"axe {name}: {watch.ElapsedMilliseconds} ms; "
                + string.Join(", ", result.Violations.Select(v => $"{v.Impact} {v.Id} ×{v.Nodes.Length}").DefaultIfEmpty("no violations")));
            violations.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{name}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
        }

        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Screenshots_of_home_lesson_and_quiz_are_written_as_artifacts()
    {
        var lesson = site.Pages.First(p => Regex.IsMatch(p, @"^day01-[^/]+/index\.html$"));
        var quiz = site.Pages.First(p => Regex.IsMatch(p, @"^day01-[^/]+/quiz\.html$"));
        var page = await NewPageAsync();
        var folder = ArtifactsFolder();
        foreach (var (name, file, fullPage) in new[] { ("home", "index.html", true), ("lesson", lesson, false), ("quiz", quiz, false) })
        {
            await page.GotoAsync(site.Url(file));
            await page.WaitForFunctionAsync("() => document.documentElement.dataset.math === 'rendered'", null, new() { Timeout = 10_000 });
            if (name == "lesson") await page.Locator("div.math").First.ScrollIntoViewIfNeededAsync();
            await page.EvaluateAsync("() => document.fonts.ready");
            var path = Path.Combine(folder, $"{name}.png");
            var png = await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
            png.Length.Should().BeGreaterThan(10_000, $"{name} is a real picture");
            TestContext.Current.AddAttachment($"{name}.png", png, "image/png");
        }

        Directory.EnumerateFiles(folder, "*.png").Select(Path.GetFileName).Should().Contain(["home.png", "lesson.png", "quiz.png"]);
    }

    private static async Task WaitForMathAsync(IPage page, string name, List<string> problems)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.dataset.math === 'rendered'", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            problems.Add($"{name}: the page script did not render the math (static/site.js or KaTeX did not load)");
        }
    }

    private static async Task<PageReport> InspectAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(InspectScript);
        return json.Deserialize<PageReport>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private IEnumerable<string> Check(string name, PageReport report)
    {
        if (report.Lang != "ja") yield return $"{name}: <html lang> is '{report.Lang}'";
        foreach (var m in RawTex().Matches(report.Text).Take(3)) yield return $"{name}: raw TeX in the text: …{Around(report.Text, m)}…";
        foreach (var m in DollarMath().Matches(report.Text).Take(3)) yield return $"{name}: $…$ left as text: …{Around(report.Text, m)}…";
        foreach (var m in MermaidSource().Matches(report.Text).Take(3)) yield return $"{name}: diagram source in the text: …{Around(report.Text, m)}…";
        if (report.Mermaid > 0) yield return $"{name}: {report.Mermaid} Mermaid blocks (the site draws no Mermaid; use SVG figures)";
        foreach (var tex in report.Untypeset) yield return $"{name}: math not typeset: {tex}";
        foreach (var error in report.KatexErrors) yield return $"{name}: KaTeX error: {error}";
        foreach (var src in report.BrokenImages) yield return $"{name}: image does not load: {src}";
        foreach (var src in report.NoAlt) yield return $"{name}: image without alt text: {src}";
        foreach (var url in report.Urls.Distinct(StringComparer.Ordinal))
        {
            if (Unresolved(url) is { } reason) yield return $"{name}: link {url}: {reason}";
        }
    }

    /// <summary>Why a URL in a page does not resolve inside the site (null when it does; external links are not followed).</summary>
    private string? Unresolved(string url)
    {
        if (!url.StartsWith("file:", StringComparison.Ordinal)) return null;
        var uri = new Uri(url);
        var path = site.FileFor(url);
        if (path is null) return "points outside the site";
        if (Directory.Exists(path)) path = Path.Combine(path, "index.html");
        if (!File.Exists(path)) return "no such file";
        var fragment = Uri.UnescapeDataString(uri.Fragment.TrimStart('#'));
        if (fragment.Length == 0 || !path.EndsWith(".html", StringComparison.Ordinal)) return null;
        var html = File.ReadAllText(path);
        return html.Contains($"id=\"{WebUtility.HtmlEncode(fragment)}\"", StringComparison.Ordinal) || html.Contains($"name=\"{WebUtility.HtmlEncode(fragment)}\"", StringComparison.Ordinal)
            ? null
            : $"no id '{fragment}' in the target page";
    }

    private static string Around(string text, Match m)
    {
        var start = Math.Max(0, m.Index - 30);
        return text[start..Math.Min(text.Length, m.Index + m.Length + 30)].ReplaceLineEndings(" ");
    }

    private sealed record PageReport(
        string Lang, string Text, int Math, int Katex, string[] Untypeset, string[] KatexErrors, int Mermaid, string[] NoAlt, string[] BrokenImages, string[] Urls);
}
