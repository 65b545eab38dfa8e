using System.CommandLine;
using Course.Certification.Knowledge;
using Course.Model;
using Course.Model.Files;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course quiz render</c>: one learner's knowledge-test paper (Markdown and HTML, no answers) and an empty
/// answers.csv, drawn from the exam bank by (cohort, learner). <c>course quiz score</c>: scores that learner's
/// answers.csv through the same draw; blank and malformed rows score 0 and are listed.
/// </summary>
public static class QuizCommand
{
    public static Command Create()
    {
        var command = new Command("quiz", "Day-10 knowledge test: render a learner's paper, score their answers.");
        command.Subcommands.Add(Render());
        command.Subcommands.Add(Score());
        return command;
    }

    private static Command Render()
    {
        var (cohort, learner, courseRoot) = Identity();
        var output = new Option<string?>("--out") { Description = "folder for paper.md, paper.html and answers.csv (default: ./knowledge-<learner>)" };
        var command = new Command("render", "Write a learner's knowledge-test paper (no answers) and an empty answers.csv.") { cohort, learner, output, courseRoot };
        command.SetAction(parse =>
        {
            var (paper, minutes) = Draw(parse.GetValue(courseRoot), parse.GetRequiredValue(cohort), parse.GetRequiredValue(learner));
            var folder = parse.GetValue(output) ?? Path.Combine(Environment.CurrentDirectory, $"knowledge-{paper.Learner}");
            AtomicFile.WriteAllText(Path.Combine(folder, "paper.md"), PaperRenderer.Markdown(paper, minutes));
            AtomicFile.WriteAllText(Path.Combine(folder, "paper.html"), PaperRenderer.Html(paper, minutes));
            AtomicFile.WriteAllText(Path.Combine(folder, "answers.csv"), PaperRenderer.EmptyAnswers(paper));
            Console.WriteLine($"{paper.Learner}: {paper.Items.Count} questions → {folder}/paper.md, paper.html, answers.csv");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Score()
    {
        var (cohort, learner, courseRoot) = Identity();
        var answers = new Argument<FileInfo>("answers") { Description = "the learner's answers.csv (question_id,choice with letters as shown on their paper)" };
        var command = new Command("score", "Score a learner's answers.csv against their paper.") { answers, cohort, learner, courseRoot };
        command.SetAction(parse =>
        {
            var file = parse.GetRequiredValue(answers);
            if (!file.Exists) throw new CourseInputException($"{file.FullName}: answers file not found");
            var (paper, _) = Draw(parse.GetValue(courseRoot), parse.GetRequiredValue(cohort), parse.GetRequiredValue(learner));
            var score = KnowledgeScore.Score(paper, File.ReadAllText(file.FullName), file.Name);
            foreach (var problem in score.Problems) Console.WriteLine(problem);
            foreach (var pool in score.Pools)
                Console.WriteLine($"{(pool.Pool == 10 ? "general" : $"Day {pool.Pool}")}: {pool.Correct}/{pool.Asked}{(pool.NeedsReview ? " 要復習 (review)" : "")}");
            Console.WriteLine($"{paper.Learner}: {score.Correct}/{score.Asked} ({score.Share * 100:0.0}%)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (Option<string> Cohort, Option<string> Learner, Option<string?> CourseRoot) Identity() =>
        (new Option<string>("--cohort") { Description = "cohort id (part of the draw's seed)", Required = true },
         new Option<string>("--learner") { Description = "learner id (part of the draw's seed)", Required = true },
         CourseRootOption.Create());

    private static (KnowledgePaper Paper, int Minutes) Draw(string? courseRoot, string cohort, string learner)
    {
        var layout = CourseRootOption.Resolve(courseRoot);
        var settings = layout.LoadManifest().Certification
            ?? throw new CourseInputException($"{layout.ManifestPath}: no 'certification' block");
        var bank = ExamBank.Load(ExamBank.FolderOf(layout));
        return (KnowledgePaper.Draw(bank, cohort, learner, settings.KnowledgeQuestionsPerDay), settings.KnowledgeMinutes);
    }
}
