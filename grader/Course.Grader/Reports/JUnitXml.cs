using System.Globalization;
using System.Xml.Linq;
using Course.Grader.Results;

namespace Course.Grader.Reports;

/// <summary>JUnit XML: one testsuite per day, one testcase per test, days that did not build as an error case.</summary>
public static class JUnitXml
{
    public static string Render(GradeResult result)
    {
        var suites = new XElement("testsuites",
            new XAttribute("name", "course grade"),
            new XAttribute("tests", result.Tests.Count),
            new XAttribute("failures", result.Tests.Count(t => !t.Passed)),
            new XAttribute("time", F(result.ExecutionTime)));
        foreach (var day in result.Days)
        {
            var tests = result.Tests.Where(t => t.Day == day.Day).ToList();
            var suite = new XElement("testsuite",
                new XAttribute("name", $"Day{day.Day:00}"),
                new XAttribute("tests", tests.Count),
                new XAttribute("failures", tests.Count(t => !t.Passed)),
                new XAttribute("errors", day.Status == DayStatus.Graded ? 0 : 1),
                new XAttribute("time", F(day.ExecutionTime)),
                new XElement("properties",
                    new XElement("property", new XAttribute("name", "score"), new XAttribute("value", F(day.Score))),
                    new XElement("property", new XAttribute("name", "max_score"), new XAttribute("value", F(day.MaxScore))),
                    new XElement("property", new XAttribute("name", "status"), new XAttribute("value", day.Status.Text()))));
            if (day.Status is DayStatus.CompileError or DayStatus.PolicyViolation)
                suite.Add(new XElement("testcase", new XAttribute("classname", $"Day{day.Day:00}"), new XAttribute("name", day.Status.Text()),
                    new XElement("error", new XAttribute("message", day.Status.Text()), string.Join("\n", day.Messages))));
            foreach (var t in tests)
            {
                var c = new XElement("testcase",
                    new XAttribute("classname", $"Day{day.Day:00}.{t.Exercise ?? "unassigned"}"),
                    new XAttribute("name", $"{t.Number} {t.Name} ({F(t.Score)}/{F(t.MaxScore)})"));
                if (!t.Passed) c.Add(new XElement("failure", new XAttribute("message", FirstLine(t.Output)), t.Output));
                suite.Add(c);
            }
            suites.Add(suite);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString();
    }

    private static string FirstLine(string s) => s.Split('\n')[0];
    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
