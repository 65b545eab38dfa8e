namespace Course.Model.Tests;

public sealed class CourseManifestTests
{
    private const string Minimal = """
        {
          "title": {"ja": "講座", "en": "Course"},
          "version": "t",
          "grading": {"publicShare": 0.3, "hiddenShare": 0.7, "dayTimeoutSeconds": 60, "testTimeoutSeconds": 10, "memoryLimitMb": 512},
          "certification": {"weights": {"coursework": 0.3, "knowledge": 0.3, "technical": 0.4}, "knowledgePass": 0.7,
                            "technicalPass": 0.6, "passMark": 70, "distinctionMark": 90, "knowledgeQuestionsPerDay": 6,
                            "knowledgeMinutes": 90, "technicalMinutes": 120},
          "days": [
            {"day": 2, "slug": "b", "folder": "curriculum/day02-b", "title": {"ja": "二", "en": "Two"}, "available": false},
            {"day": 1, "slug": "a", "folder": "curriculum/day01-a", "title": {"ja": "一", "en": "One"}, "available": true,
             "project": "Day01", "timeLimitSeconds": 30, "points": 100,
             "exercises": [{"id": "1.1", "title": "x", "points": 2.5}, {"id": "1.2", "title": "y", "points": 97.5}]}
          ]
        }
        """;

    [Fact]
    public void Load_reads_decimal_points_the_certification_block_and_orders_days()
    {
        using var temp = new TempFolder();
        var manifest = CourseManifest.Load(temp.Write("course.json", Minimal));

        manifest.Days.Select(d => d.Day).Should().Equal(1, 2);
        manifest.Day(1).Exercises.Sum(e => e.Points).Should().Be(100);
        manifest.Day(1).Exercises[0].Points.Should().Be(2.5);
        manifest.Day(2).Exercises.Should().BeEmpty("a day without an exercises list has none");
        manifest.Day(1).Key.Should().Be("day01-a");
        manifest.GradableDays.Select(d => d.Day).Should().Equal(1);
        manifest.Certification!.Weights.Technical.Should().Be(0.4);
        manifest.Certification.KnowledgeQuestionsPerDay.Should().Be(6);
    }

    [Fact]
    public void Malformed_json_is_reported_with_the_file_and_line()
    {
        using var temp = new TempFolder();
        var path = temp.Write("course.json", "{\n  \"title\": {\"ja\": \"a\", \"en\": \"b\"},\n  \"days\": [ oops ]\n}");

        var act = () => CourseManifest.Load(path);

        act.Should().Throw<CourseInputException>().WithMessage($"{path}:3: malformed course manifest*");
    }

    [Fact]
    public void A_manifest_without_grading_settings_is_rejected_by_name()
    {
        using var temp = new TempFolder();
        var path = temp.Write("course.json", """{"title": {"ja": "a", "en": "b"}, "version": "1", "days": []}""");

        var act = () => CourseManifest.Load(path);

        act.Should().Throw<CourseInputException>().WithMessage($"{path}: course manifest lacks 'title', 'grading' or 'days'");
    }

    [Fact]
    public void Unknown_day_lists_the_days_there_are()
    {
        using var temp = new TempFolder();
        var manifest = CourseManifest.Load(temp.Write("course.json", Minimal));

        var act = () => manifest.Day(7);

        act.Should().Throw<CourseInputException>().WithMessage("unknown day 7 (course.json has days 1, 2)");
    }
}
