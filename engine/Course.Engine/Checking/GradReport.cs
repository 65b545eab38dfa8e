using System.Globalization;

namespace Course.Engine;

/// <summary>
/// Result of a gradient check: the worst element found (largest relative error), where it is, and both values.
/// </summary>
/// <param name="Passed">True when every checked element's relative error is ≤ <see cref="Tolerance"/> and all values are finite.</param>
/// <param name="MaxRelError">Largest |a − n| / max(1e-8, |a| + |n|) seen (∞ when a value was NaN/∞).</param>
/// <param name="TensorName">"x" for the input, a parameter's name (e.g. "W", "b"; "W#2" for the second of that name), or "dx".</param>
/// <param name="Index">Full index of the worst element within that tensor (empty when the problem is a whole tensor).</param>
/// <param name="Analytic">The layer's (or caller's) gradient at that element.</param>
/// <param name="Numeric">The central-difference estimate at that element.</param>
public sealed record GradReport(bool Passed, double MaxRelError, string TensorName, int[] Index, double Analytic, double Numeric)
{
    /// <summary>The tolerance <see cref="Passed"/> was decided with.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>A problem other than a large error (wrong gradient shape, NaN, dOut mutated), or null.</summary>
    public string? Problem { get; init; }

    /// <summary>How many elements were compared (sampled tensors contribute 200 each).</summary>
    public int ElementsChecked { get; init; }

    /// <summary>Index as text, e.g. <c>W[1, 2]</c>.</summary>
    public string Location => Index.Length == 0 ? TensorName : $"{TensorName}[{string.Join(", ", Index)}]";

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string values = string.Create(c, $"analytic {Analytic:G10}, numeric {Numeric:G10}, relative error {MaxRelError:0.00e+00}");
        if (Passed)
            return string.Create(c, $"GradCheck passed ({ElementsChecked} elements): worst at {Location}: {values} ≤ tolerance {Tolerance:G3}.");
        if (Problem is not null)
            return $"GradCheck FAILED at {Location}: {Problem}" + (Index.Length > 0 ? $" ({values})." : "");
        return string.Create(c, $"GradCheck FAILED at {Location}: {values} > tolerance {Tolerance:G3}.");
    }
}
