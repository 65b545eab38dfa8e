using System.Text;

namespace Course.Certification.Tests;

/// <summary>
/// A course root on disk with a certification block and an exam bank of 10 questions per pool (Days 1–9 and general):
/// question k of pool p has the correct option at bank letter "ABCD"[(p + k) % 4], every third question is 計算.
/// </summary>
public sealed class FixtureBank : IDisposable
{
    public FixtureBank(int perPool = 10)
    {
        Directory.CreateDirectory(Path.Combine(Root, "curriculum"));
        File.WriteAllText(Path.Combine(Root, "curriculum", "course.json"), """
            {
              "title": {"ja": "テスト講座", "en": "Test course"}, "version": "t",
              "grading": {"publicShare": 0.3, "hiddenShare": 0.7, "dayTimeoutSeconds": 60, "testTimeoutSeconds": 10, "memoryLimitMb": 512},
              "certification": {"weights": {"coursework": 0.3, "knowledge": 0.3, "technical": 0.4}, "knowledgePass": 0.7, "technicalPass": 0.6,
                                "passMark": 70, "distinctionMark": 90, "knowledgeQuestionsPerDay": 6, "knowledgeMinutes": 90, "technicalMinutes": 120},
              "days": []
            }
            """);
        var bank = Path.Combine(Root, "grader", "exam-bank");
        Directory.CreateDirectory(bank);
        for (var pool = 1; pool <= 10; pool++)
        {
            var md = new StringBuilder($"# Pool {pool}\n");
            for (var k = 1; k <= perPool; k++)
            {
                var correct = (pool + k) % 4;
                md.Append($"\n## D{pool}-Q{k} · {(k % 3 == 0 ? "計算" : "知識")} · test\n問題 {pool}-{k}\n> EN: Question {pool}-{k}\n");
                for (var o = 0; o < 4; o++) md.Append($"- [{(o == correct ? "x" : " ")}] {(char)('A' + o)}. 選択肢 {pool}-{k}-{o}\n");
                md.Append("\n**解説**: テスト。\n");
            }
            File.WriteAllText(Path.Combine(bank, pool == 10 ? "general.md" : $"day{pool:00}.md"), md.ToString());
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "course-cert-tests", Guid.NewGuid().ToString("N")[..12]);

    public string BankFolder => Path.Combine(Root, "grader", "exam-bank");

    public ExamBank Bank => ExamBank.Load(BankFolder);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
