namespace Course.Notebooks.Building;

/// <summary>
/// Which implementation of the exercises a notebook runs against: the reference solutions, the
/// learner's stubs (exercises), or any folder shaped like exercises/ (a submission).
/// <see cref="MsBuildValue"/> is what goes into -p:CourseImplementation.
/// </summary>
public sealed record Implementation(string MsBuildValue, string Directory)
{
    public static Implementation Parse(string against, string courseRoot) => against switch
    {
        "solutions" or "exercises" => new Implementation(against, Path.Combine(courseRoot, against)),
        _ => System.IO.Directory.Exists(against)
            ? new Implementation(Path.GetFullPath(against), Path.GetFullPath(against))
            : throw new DirectoryNotFoundException($"--against {against}: not 'solutions', 'exercises' or an existing folder."),
    };
}
