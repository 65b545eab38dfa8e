using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Certification.Results;
using Course.Certification.Technical;
using Course.Grader.Results;

namespace Course.Certification.Cohort;

/// <summary>
/// A learner's <c>results.json</c>: every component with its status and the hashes of its inputs, the total, result,
/// rank and awards. No timestamps, so re-running on the same inputs writes the same bytes (and earlier certificates,
/// which embed its SHA-256, still verify).
/// </summary>
public static class LearnerResultsJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(LearnerRecord record, CertificationOutcome outcome, string cohort)
    {
        var c = record.Components;
        var doc = new JsonObject
        {
            ["cohort"] = cohort,
            ["learner_id"] = c.LearnerId,
            ["name"] = c.Name,
            ["coursework"] = new JsonObject
            {
                ["score"] = Round(c.Coursework),
                ["status"] = record.CourseworkStatus,
                ["day_scores"] = new JsonObject(c.DayScores.OrderBy(d => d.Key).Select(d => KeyValuePair.Create($"day{d.Key:00}", (JsonNode?)Round(d.Value)))),
                ["all_hidden_tests_passed"] = c.AllHiddenTestsPassed,
                ["public_only"] = record.Coursework.PublicOnly,
                ["submission_sha256"] = record.Coursework.SubmissionSha256,
            },
            ["knowledge"] = new JsonObject
            {
                ["score"] = Round(c.Knowledge),
                ["status"] = record.KnowledgeStatus.Text(),
                ["correct"] = c.KnowledgeCorrect,
                ["asked"] = c.KnowledgeAsked,
                ["pools"] = new JsonArray([.. (record.Knowledge?.Pools ?? []).Select(p => (JsonNode)new JsonObject
                {
                    ["pool"] = p.Pool == 10 ? "general" : $"day{p.Pool:00}", ["correct"] = p.Correct, ["asked"] = p.Asked, ["needs_review"] = p.NeedsReview,
                })]),
                ["problems"] = new JsonArray([.. (record.Knowledge?.Problems ?? []).Select(p => (JsonNode)JsonValue.Create(p))]),
                ["answers_sha256"] = record.AnswersSha256,
            },
            ["technical"] = new JsonObject
            {
                ["score"] = Round(c.Technical),
                ["status"] = record.TechnicalStatus.Text(),
                ["late"] = c.TechnicalLate,
                ["model_accuracy"] = c.ModelAccuracy,
                ["score_sha256"] = record.TechnicalSha256,
                ["tasks"] = new JsonArray([.. (record.TechnicalTest?.Tasks ?? []).Select(t => (JsonNode)new JsonObject { ["task"] = t.Task, ["variant"] = t.Variant, ["score"] = t.Score, ["max_score"] = t.MaxScore })]),
                ["problems"] = new JsonArray([.. (record.TechnicalTest?.Problems ?? []).Select(p => (JsonNode)JsonValue.Create(p))]),
                ["note"] = record.TechnicalTest is not null ? TechnicalResult.T6Note : "no technical/Technical submission with a start token: the score is the instructor's technical/score.json, else 0",
            },
            ["total"] = outcome.Total,
            ["result"] = CertificationOutcome.Code(outcome.Result),
            ["failed_conditions"] = new JsonArray([.. outcome.FailedConditions.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["rank"] = outcome.Rank,
            ["awards"] = new JsonArray([.. outcome.Awards.Select(a => (JsonNode)JsonValue.Create(a))]),
        };
        return doc.ToJsonString(Indented) + "\n";
    }

    private static double Round(double v) => Math.Round(v, 2);
}
