namespace Course.Notebooks.Site;

/// <summary>What `course site` wrote (paths relative to the output folder) and the content problems it met.</summary>
public sealed record SiteBuildResult(IReadOnlyList<string> Pages, IReadOnlyList<string> Problems);
