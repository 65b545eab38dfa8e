using Course.Notebooks.Display;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// The globals every cell sees. <c>display(x)</c> is spelled as Polyglot Notebooks spelled it,
/// so notebooks written for Polyglot keep working.
/// </summary>
public sealed class NotebookGlobals
{
    internal OutputCollector? Output { get; set; }

    /// <summary>Shows a value below the cell: plots as SVG, tensors and sequences as tables, else text.</summary>
#pragma warning disable IDE1006 // lower-case on purpose: the Jupyter/Polyglot spelling
    public void display(object? value)
#pragma warning restore IDE1006
    {
        var output = Output ?? throw new InvalidOperationException("display() called outside a running cell.");
        output.Add(new DisplayDataOutput(DisplayFormatter.Format(value), new()));
    }

    /// <summary>Shows raw HTML below the cell.</summary>
    public void displayHtml(string html)
    {
        var output = Output ?? throw new InvalidOperationException("displayHtml() called outside a running cell.");
        output.Add(new DisplayDataOutput(new MimeBundle().Add("text/html", html).Add("text/plain", "(HTML)"), new()));
    }
}
