using Course.Model;
using Course.Notebooks.Checking;

namespace Course.Curriculum.Tests;

/// <summary>Every available day meets the day checklist's mechanical rules, and the rules bite on a day below the bar.</summary>
public sealed class DayChecklistTests
{
    [Theory]
    [MemberData(nameof(Repo.AvailableDays), MemberType = typeof(Repo))]
    public void An_available_day_meets_the_checklist(int day)
    {
        var report = DayChecklist.Measure(Repo.Layout, Repo.Manifest.Day(day));

        report.Problems.Should().BeEmpty($"day {day} ({string.Join(", ", report.Figures.Select(f => $"{f.Key}={f.Value}"))}) must meet the checklist");
    }

    [Fact]
    public void A_thin_day_fails_every_rule_it_breaks_naming_the_file()
    {
        using var course = new ThinCourse();

        var report = DayChecklist.Measure(course.Layout, course.Layout.LoadManifest().Day(1));

        report.Figures["ja_chars"].Should().Be("5");
        report.Problems.Should().Contain(p => p.StartsWith("curriculum/day01-thin/lesson.md: 5 kana/kanji", StringComparison.Ordinal))
            .And.Contain("curriculum/day01-thin/lesson.md: 1 figures referenced (< 4)")
            .And.Contain("curriculum/day01-thin/lesson.md:3: figure assets/missing.svg does not exist")
            .And.Contain("curriculum/day01-thin/lesson.md: no link to the glossary")
            .And.Contain("curriculum/day01-thin/quiz.md: 1 questions (< 12)")
            .And.Contain("curriculum/day01-thin/quiz.md: no question reads NumPy/PyTorch code")
            .And.Contain("curriculum/day01-thin/quiz.md: the correct option is the longest in 1/1 questions (> 40%)")
            .And.Contain("curriculum/day01-thin/notebook.ipynb: kernelspec is '.net-csharp', not 'course-csharp'")
            .And.Contain(p => p.StartsWith("curriculum/day01-thin/notebook.ipynb: 0/1 code cells have outputs", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("curriculum/day01-thin/quiz.md:3: names internal material 1×", StringComparison.Ordinal))
            .And.Contain("exercises/Day01/Layer.cs:3: names internal material on 1 line(s) (e.g. 'CURRICULUM')")
            .And.Contain("exercises/Day01.Tests/LayerTests.cs:2: names internal material on 2 line(s) (e.g. 'mutant')")
            .And.Contain("grader/hidden/Day01/HiddenTests.cs:4: names internal material on 1 line(s) (e.g. '003 L141')")
            .And.NotContain(p => p.Contains("Clean.cs", StringComparison.Ordinal));
    }

    /// <summary>A one-day course far below the bar, in a temp folder.</summary>
    private sealed class ThinCourse : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("course-thin-").FullName;

        public ThinCourse()
        {
            var day = Path.Combine(root, "curriculum", "day01-thin");
            Directory.CreateDirectory(day);
            var days = string.Join(",", Enumerable.Range(1, 10).Select(d =>
                $$"""{"day":{{d}},"slug":"thin","folder":"curriculum/day{{d:00}}-thin","title":{"ja":"薄い","en":"thin"},"available":{{(d == 1 ? "true" : "false")}},"project":{{(d == 1 ? "\"Day01\"" : "null")}},"timeLimitSeconds":0,"points":0,"exercises":[]}"""));
            File.WriteAllText(Path.Combine(root, "curriculum", "course.json"),
                $$"""{"title":{"ja":"t","en":"t"},"version":"1","grading":{"publicShare":0.3,"hiddenShare":0.7,"dayTimeoutSeconds":60,"testTimeoutSeconds":10,"memoryLimitMb":512},"days":[{{days}}]}""");
            File.WriteAllText(Path.Combine(day, "lesson.md"), "# 短い授業\n\n![図](assets/missing.svg)\n");
            File.WriteAllText(Path.Combine(day, "quiz.md"), """
                # Quiz

                ## D1-Q1 · 知識 · deck
                CURRICULUM の問い

                > EN: a question

                - [ ] A. a
                - [x] B. the longest one
                - [ ] C. c
                - [ ] D. d

                **解説**: because.
                """);
            File.WriteAllText(Path.Combine(day, "notebook.ipynb"), """
                {"cells":[{"cell_type":"code","execution_count":null,"id":"a1","metadata":{},"outputs":[],"source":["1 + 1"]}],
                 "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
                """);
            var stubs = Path.Combine(root, "exercises", "Day01");
            var tests = Path.Combine(root, "exercises", "Day01.Tests");
            Directory.CreateDirectory(stubs);
            Directory.CreateDirectory(tests);
            File.WriteAllText(Path.Combine(stubs, "Layer.cs"), "namespace Course.Day01;\n\n// float64 throughout (CURRICULUM §3.1)\npublic sealed class Layer;\n");
            File.WriteAllText(Path.Combine(stubs, "Clean.cs"), "namespace Course.Day01;\n\n// one hidden layer of 50 units\npublic sealed class Clean;\n");
            File.WriteAllText(Path.Combine(tests, "LayerTests.cs"), "namespace Course.Day01.Tests;\n// catches mutant D1-A1\n// and the hidden test's case\n");
            var hidden = Path.Combine(root, "grader", "hidden", "Day01");
            Directory.CreateDirectory(hidden);
            File.WriteAllText(Path.Combine(hidden, "HiddenTests.cs"),
                "// Kills: mutant D1-A1 (a comment learners never see)\nnamespace Course.Day01.Tests;\n\npublic sealed class T { string Because => \"h(0) = 0 (003 L141)\"; }\n");
            Layout = new CourseLayout(root);
        }

        public CourseLayout Layout { get; }

        public void Dispose() => Directory.Delete(root, recursive: true);
    }
}
