using Course.Notebooks.Model;

namespace Course.Notebooks.Display;

/// <summary>A value that knows its own MIME representation (plots, tables built on purpose).</summary>
public interface IRichDisplay
{
    MimeBundle ToMimeBundle();
}
