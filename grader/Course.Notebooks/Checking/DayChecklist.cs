using System.Text.RegularExpressions;
using Course.Model;
using Course.Model.Files;
using Course.Model.Quizzes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Checking;

/// <summary>What <see cref="DayChecklist.Measure"/> found for one day: the measured figures (for the report) and
/// every rule the day breaks, each as one line naming the file.</summary>
public sealed record DayChecklistReport(int Day, IReadOnlyDictionary<string, string> Figures, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// The mechanical rules a finished day meets (the day checklist in docs/CONTRIBUTING.md): lesson depth and
/// figures, a glossary link, the quiz's mix and balance, a notebook committed with outputs for every front end,
/// and no internal material in anything a learner reads.
/// </summary>
public static partial class DayChecklist
{
    public const int MinLessonJapaneseChars = 10_000;
    public const int MinFigures = 4;
    public const int MinQuestions = 12;
    public const int MinCalculation = 4;
    public const int MinCode = 3;
    public const double MaxLongestCorrectShare = 0.4;
    public const string Kernel = "course-csharp";

    public static DayChecklistReport Measure(CourseLayout layout, DayManifest day)
    {
        var folder = layout.DayFolder(day);
        var figures = new Dictionary<string, string>();
        var problems = new List<string>();
        if (!Directory.Exists(folder)) return new DayChecklistReport(day.Day, figures, [$"{day.Folder}: no curriculum folder"]);
        string Rel(string file) => Path.GetRelativePath(layout.Root, Path.Combine(folder, file)).Replace('\\', '/');

        var lesson = Read(Path.Combine(folder, "lesson.md"), Rel("lesson.md"), problems);
        CheckLesson(lesson, folder, Rel("lesson.md"), figures, problems);
        var quizPath = Path.Combine(folder, "quiz.md");
        if (File.Exists(quizPath)) CheckQuiz(QuizParser.ParseFile(quizPath), Rel("quiz.md"), figures, problems);
        else problems.Add($"{Rel("quiz.md")}: missing");
        CheckNotebook(Path.Combine(folder, "notebook.ipynb"), Rel("notebook.ipynb"), figures, problems);
        if (day.Project is not null)
        {
            CheckSources(layout, Path.Combine(layout.ExercisesDir, day.Project), commentsToo: true, problems);
            CheckSources(layout, Path.Combine(layout.ExercisesDir, $"{day.Project}.Tests"), commentsToo: true, problems);
            CheckSources(layout, Path.GetDirectoryName(layout.HiddenTestsProject(day))!, commentsToo: false, problems);
        }
        return new DayChecklistReport(day.Day, figures, problems);
    }

    /// <summary>
    /// Learners read the stubs, their hints and the public tests whole; of the hidden tests they see what a failure
    /// prints (names and messages), so there comment lines are skipped. Each file that names internal material is
    /// reported once, at its first such line.
    /// </summary>
    private static void CheckSources(CourseLayout layout, string project, bool commentsToo, List<string> problems)
    {
        if (!Directory.Exists(project)) return;
        foreach (var path in SourceFiles.Absolute(project))
        {
            var hits = File.ReadAllLines(path)
                .Select((text, i) => (Line: i + 1, Match: InternalMaterial().Match(text), Comment: text.TrimStart().StartsWith("//", StringComparison.Ordinal)))
                .Where(l => l.Match.Success && (commentsToo || !l.Comment)).ToList();
            if (hits.Count == 0) continue;
            var file = Path.GetRelativePath(layout.Root, path).Replace('\\', '/');
            problems.Add($"{file}:{hits[0].Line}: names internal material on {hits.Count} line(s) (e.g. '{hits[0].Match.Value}')");
        }
    }

    private static void CheckLesson(string lesson, string folder, string file, Dictionary<string, string> figures, List<string> problems)
    {
        var japanese = EnglishSummary().Split(lesson, 2)[0];
        var chars = JapaneseChar().Count(japanese);
        figures["ja_chars"] = chars.ToString();
        if (chars < MinLessonJapaneseChars) problems.Add($"{file}: {chars} kana/kanji before the English summary (< {MinLessonJapaneseChars:N0})");

        var images = MarkdownImage().Matches(lesson).Select(m => m.Groups[1].Value)
            .Concat(HtmlImage().Matches(lesson).Select(m => m.Groups[1].Value))
            .Where(src => !src.StartsWith("http", StringComparison.OrdinalIgnoreCase)).ToList();
        figures["figures"] = images.Count.ToString();
        if (images.Count < MinFigures) problems.Add($"{file}: {images.Count} figures referenced (< {MinFigures})");
        foreach (var image in images.Where(i => !File.Exists(Path.Combine(folder, i))))
            problems.Add($"{file}:{LineOf(lesson, image)}: figure {image} does not exist");
        if (lesson.Contains("```mermaid", StringComparison.Ordinal)) problems.Add($"{file}:{LineOf(lesson, "```mermaid")}: raw Mermaid (draw it as SVG)");
        if (!lesson.Contains("glossary.md", StringComparison.OrdinalIgnoreCase)) problems.Add($"{file}: no link to the glossary");
        Internal(lesson, file, problems);
    }

    private static void CheckQuiz(QuizFile quiz, string file, Dictionary<string, string> figures, List<string> problems)
    {
        problems.AddRange(quiz.Errors);
        var questions = quiz.Questions;
        var calc = questions.Count(q => q.Tag == "計算");
        var code = questions.Count(q => q.Tag == "コード");
        var python = questions.Count(q => PythonCode().IsMatch(Body(q)));
        var longest = questions.Count(LongestIsCorrect);
        figures["questions"] = questions.Count.ToString();
        figures["calc"] = calc.ToString();
        figures["code"] = code.ToString();
        figures["py"] = python.ToString();
        figures["longest_correct"] = $"{longest}/{questions.Count}";
        if (questions.Count < MinQuestions) problems.Add($"{file}: {questions.Count} questions (< {MinQuestions})");
        if (calc < MinCalculation) problems.Add($"{file}: {calc} 計算 questions (< {MinCalculation})");
        if (code < MinCode) problems.Add($"{file}: {code} コード questions (< {MinCode})");
        if (python < 1) problems.Add($"{file}: no question reads NumPy/PyTorch code");
        if (questions.Count > 0 && longest > MaxLongestCorrectShare * questions.Count)
            problems.Add($"{file}: the correct option is the longest in {longest}/{questions.Count} questions (> {MaxLongestCorrectShare * 100:0}%)");
        // A heading's source reference is maintainers' metadata; everything a learner reads is checked.
        foreach (var q in questions) Internal(Body(q), $"{file}:{q.Line}", problems);
    }

    private static void CheckNotebook(string path, string file, Dictionary<string, string> figures, List<string> problems)
    {
        Notebook notebook;
        try { notebook = NotebookFile.Load(path); }
        catch (NotebookFormatException e) { problems.Add(e.Message); return; }

        var code = notebook.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        var withOutputs = code.Count(c => c.Outputs.Count > 0);
        figures["nb_code_cells"] = code.Count.ToString();
        figures["nb_cells_with_outputs"] = withOutputs.ToString();
        if (withOutputs < Math.Max(1, code.Count / 2)) problems.Add($"{file}: {withOutputs}/{code.Count} code cells have outputs (run it against solutions with --in-place)");
        var kernel = notebook.Metadata["kernelspec"]?["name"]?.GetValue<string>();
        figures["kernel"] = kernel ?? "";
        if (kernel != Kernel) problems.Add($"{file}: kernelspec is '{kernel}', not '{Kernel}'");
        var bundles = code.SelectMany(c => c.Outputs).Select(o => o switch
        {
            DisplayDataOutput d => d.Data,
            ExecuteResultOutput r => r.Data,
            _ => null,
        }).OfType<MimeBundle>().ToList();
        var svg = bundles.Count(b => b.Contains("image/svg+xml"));
        var png = bundles.Count(b => b.Contains("image/png"));
        figures["nb_svg"] = svg.ToString();
        figures["nb_png"] = png.ToString();
        if (svg > png) problems.Add($"{file}: {svg} SVG outputs but {png} PNG (front ends that blank inline SVG show nothing)");
        Internal(string.Join("\n", notebook.Cells.Select(c => c.Source)), file, problems);
    }

    private static bool LongestIsCorrect(QuizQuestion q)
    {
        if (q.Options.Count != 4) return false;
        var max = q.Options.Max(o => o.Text.Length);
        return q.Options.Count(o => o.Text.Length == max) == 1 && q.Answer.Text.Length == max;
    }

    private static string Body(QuizQuestion q) =>
        string.Join("\n", [q.Stem, q.English, .. q.Options.Select(o => o.Text), q.Explanation]);

    private static void Internal(string text, string where, List<string> problems)
    {
        var hits = InternalMaterial().Matches(text);
        if (hits.Count > 0) problems.Add($"{where}: names internal material {hits.Count}× (e.g. '{hits[0].Value}')");
    }

    private static string Read(string path, string file, List<string> problems)
    {
        if (File.Exists(path)) return File.ReadAllText(path);
        problems.Add($"{file}: missing");
        return "";
    }

    private static int LineOf(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        return at < 0 ? 0 : text.AsSpan(0, at).Count('\n') + 1;
    }

    [GeneratedRegex(@"\n#+\s*(English summary|Summary \(English\)|EN summary)", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishSummary();

    [GeneratedRegex(@"[\u3040-\u30ff\u3400-\u9fff]")]
    private static partial Regex JapaneseChar();

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)\s]+)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex("<img[^>]+src=\"([^\"]+)\"")]
    private static partial Regex HtmlImage();

    [GeneratedRegex(@"np\.|numpy|torch")]
    private static partial Regex PythonCode();

    [GeneratedRegex(@"(?-i:CURRICULUM)|ミュータント|mutant|隠しテスト|hidden test|hidden テスト|\b00[1-4] L\d+", RegexOptions.IgnoreCase)]
    private static partial Regex InternalMaterial();
}
