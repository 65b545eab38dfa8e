using Course.Grader.Submissions;
using Course.Model;

namespace Course.Grader.Grading;

/// <summary>What one grading run will do, checked against the course before any build: the opened submission, the
/// days to grade (in order) and the options. Made by <see cref="SubmissionGrader.Plan"/>, consumed by its GradeAsync.</summary>
public sealed record GradingPlan(Submission Submission, IReadOnlyList<DayManifest> Days, GradeOptions Options);
