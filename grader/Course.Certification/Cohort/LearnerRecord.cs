using System.Security.Cryptography;
using System.Text;
using Course.Certification.Knowledge;
using Course.Certification.Results;
using Course.Certification.Technical;
using Course.Grader.Results;
using Course.Model;

namespace Course.Certification.Cohort;

/// <summary>
/// One learner's inputs to the certification and what each was computed from: the coursework grading, the knowledge
/// answers scored against the learner's own paper, and the technical test (graded, or the instructor's score).
/// </summary>
public sealed record LearnerRecord(
    LearnerComponents Components, GradeResult Coursework, string CourseworkStatus,
    KnowledgeScore? Knowledge, ComponentStatus KnowledgeStatus, string? AnswersSha256,
    ComponentStatus TechnicalStatus, string? TechnicalSha256, TechnicalResult? TechnicalTest)
{
    public const string AnswersPath = "knowledge/answers.csv";
    public const string NamePath = "name.txt";

    /// <exception cref="CourseInputException">A malformed <c>technical/score.json</c>.</exception>
    public static LearnerRecord Collect(string id, string folder, GradeResult coursework, ExamBank bank, string cohort,
        CertificationSettings settings, TechnicalResult? technicalTest)
    {
        var dayScores = coursework.Days.ToDictionary(d => d.Day, d => d.MaxScore > 0 ? 100 * d.Score / d.MaxScore : 0);
        var broken = coursework.Days.Where(d => d.Status != DayStatus.Graded).Select(d => $"day{d.Day:00} {d.Status.Text()}").ToList();
        var hidden = coursework.Tests.Where(t => t.Hidden).ToList();
        var allHidden = !coursework.PublicOnly && hidden.Count > 0 && hidden.All(t => t.Passed) && broken.Count == 0;

        var paper = KnowledgePaper.Draw(bank, cohort, id, settings.KnowledgeQuestionsPerDay);
        var answersFile = Path.Combine(folder, AnswersPath);
        KnowledgeScore? knowledge = null;
        string? answersSha = null;
        if (File.Exists(answersFile))
        {
            var bytes = File.ReadAllBytes(answersFile);
            answersSha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            knowledge = KnowledgeScore.Score(paper, Encoding.UTF8.GetString(bytes), $"{id}/{AnswersPath}");
        }

        var (technical, late, accuracy, technicalStatus, technicalSha) = (0.0, false, (double?)null, ComponentStatus.NotSubmitted, (string?)null);
        var instructorFile = Path.Combine(folder, InstructorTechnicalScore.Path);
        if (technicalTest is not null)
            (technical, late, accuracy, technicalStatus, technicalSha) =
                (technicalTest.Score, technicalTest.Late, technicalTest.ModelAccuracy, technicalTest.Status, technicalTest.SubmissionSha256);
        else if (File.Exists(instructorFile))
        {
            var bytes = File.ReadAllBytes(instructorFile);
            var set = InstructorTechnicalScore.Parse(bytes, $"{id}/{InstructorTechnicalScore.Path}");
            (technical, late, accuracy, technicalStatus, technicalSha) =
                (set.Score, set.Late, set.ModelAccuracy, set.Late ? ComponentStatus.Late : ComponentStatus.Scored, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        var nameFile = Path.Combine(folder, NamePath);
        var name = File.Exists(nameFile) && File.ReadLines(nameFile).FirstOrDefault()?.Trim() is { Length: > 0 } n ? n : id;
        var components = new LearnerComponents(id, name, dayScores, knowledge?.Correct ?? 0, paper.Items.Count,
            knowledge?.Pools.ToDictionary(p => p.Pool, p => p.Correct) ?? [], technical, late, accuracy, allHidden);
        return new LearnerRecord(components, coursework, broken.Count == 0 ? "graded" : string.Join("; ", broken),
            knowledge, knowledge is null ? ComponentStatus.NotSubmitted : ComponentStatus.Scored, answersSha, technicalStatus, technicalSha, technicalTest);
    }
}
