using System.Collections;
using Course.Engine;
using Course.Notebooks.Model;

namespace Course.Notebooks.Display;

/// <summary>
/// Turns any value into a MIME bundle: plots as SVG, tensors of rank ≤ 2 and 2-D arrays as HTML
/// tables, sequences as HTML tables, everything else as text. text/plain is always present,
/// because every Jupyter front end can show it.
/// </summary>
public static class DisplayFormatter
{
    public static MimeBundle Format(object? value)
    {
        switch (value)
        {
            case null:
                return MimeBundle.PlainText("null");
            case IRichDisplay rich:
                return rich.ToMimeBundle();
            case string s:
                return MimeBundle.PlainText(s);
            case Tensor<double> t:
                return TensorBundle(t.ShapeArray, i => t.Span[i], t.ToString());
            case Tensor<float> t:
                return TensorBundle(t.ShapeArray, i => t.Span[i], t.ToString());
            case double[,] grid:
                return new MimeBundle()
                    .Add("text/plain", $"double[{grid.GetLength(0)}, {grid.GetLength(1)}]")
                    .Add("text/html", HtmlTable.FromGrid(grid.GetLength(0), grid.GetLength(1), (r, c) => grid[r, c]));
            case IEnumerable sequence when value is not IDictionary:
                return new MimeBundle()
                    .Add("text/plain", HtmlTable.Format(sequence))
                    .Add("text/html", HtmlTable.FromSequence(sequence));
            case IFormattable scalar when HtmlTable.IsScalar(value):
                // Full round-trip precision: learners compare these against the spec's pinned numbers.
                return MimeBundle.PlainText(scalar.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
            default:
                return MimeBundle.PlainText(HtmlTable.Format(value));
        }
    }

    private static MimeBundle TensorBundle(int[] shape, Func<int, object> element, string text)
    {
        var bundle = MimeBundle.PlainText(text);
        if (shape.Length == 1)
        {
            bundle.Add("text/html", HtmlTable.FromGrid(1, shape[0], (_, c) => element(c), $"shape ({shape[0]})"));
        }
        else if (shape.Length == 2)
        {
            var columns = shape[1];
            bundle.Add("text/html", HtmlTable.FromGrid(shape[0], columns, (r, c) => element(r * columns + c), $"shape ({shape[0]}, {shape[1]})"));
        }

        return bundle;
    }
}
