namespace Course.Notebooks.Site;

/// <summary>A link in a generated page whose target file or #fragment does not exist.</summary>
public sealed record BrokenLink(string Page, string Href, string Reason)
{
    public override string ToString() => $"{Page}: {Href}: {Reason}";
}
