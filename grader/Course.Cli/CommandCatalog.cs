using System.CommandLine;
using Course.Cli.Commands;
using Course.Model.Checks;
using Course.Notebooks.Checking;
using Course.Notebooks.Site;

namespace Course.Cli;

/// <summary>Every `course` sub-command; each lives in its own file under Commands/ and is registered here with one line.</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<Func<Command>> Commands =>
    [
        GradeCommand.Create,
        CheckCommand.Create,
        PackCommand.Create,
        // notebook/site/kernel commands register here
        NotebookCommand.Create,
        SiteCommand.Create,
        KernelCommand.Create,
        QuizCommand.Create,
        KeysCommand.Create,
        VerifyCommand.Create,
        RosterCommand.Create,
        CertifyCommand.Create,
        TechnicalCommand.Create,
    ];

    /// <summary>Checks `course check` runs after the grader's own (twins, traits, solutions, stubs, mutants).</summary>
    public static IReadOnlyList<ICourseCheck> ExtraChecks =>
    [
        new NotebooksCourseCheck(),
        new SiteCourseCheck(),
        new DayChecklistCourseCheck(),
    ];
}
