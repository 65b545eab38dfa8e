using System.Globalization;

namespace Course.Engine.Testing;

/// <summary>Elementwise comparison of tensors with messages that name the worst element.</summary>
public static class TensorAssert
{
    /// <summary>
    /// Passes when the shapes are equal and every |actual − expected| ≤ <paramref name="tolerance"/> (absolute).
    /// NaN never passes (a NaN where a NaN is expected does).
    /// </summary>
    public static void Close(Tensor<double> actual, Tensor<double> expected, double tolerance, string because = "")
        => Close(actual, expected, tolerance, 0.0, "tensor", because);

    /// <summary>
    /// Passes when the shapes are equal and every |actual − expected| ≤ <paramref name="absolute"/> + <paramref name="relative"/>·|expected|.
    /// </summary>
    public static void Close(Tensor<double> actual, Tensor<double> expected, double absolute, double relative, string name, string because = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        string reason = because.Length == 0 ? "" : $" because {because}";
        if (!actual.SameShape(expected))
            throw new EngineAssertionException($"Expected {name} to have shape {expected.ShapeString}{reason}, but it has shape {actual.ShapeString}.");

        var a = actual.Span;
        var e = expected.Span;
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double allowed = absolute + relative * Math.Abs(e[i]);
            double diff = Math.Abs(a[i] - e[i]);
            bool bothNaN = double.IsNaN(a[i]) && double.IsNaN(e[i]);
            bool sameInfinity = double.IsInfinity(a[i]) && a[i] == e[i];
            if (bothNaN || sameInfinity) continue;
            double excess = double.IsNaN(diff) ? double.PositiveInfinity : diff - allowed;
            if (excess > 0 && (worst < 0 || excess > worstExcess)) { worst = i; worstExcess = excess; }
        }
        if (worst < 0) return;

        var c = CultureInfo.InvariantCulture;
        double ad = a[worst], ed = e[worst];
        string tol = relative == 0
            ? string.Create(c, $"{absolute:G3}")
            : string.Create(c, $"{absolute:G3} + {relative:G3}·|expected|");
        throw new EngineAssertionException(string.Create(c,
            $"Expected {name} {expected.ShapeString} to match within {tol}{reason}, but at {FailureText.Index(worst, actual.Shape)} " +
            $"it is {ad:G12} instead of {ed:G12} (difference {Math.Abs(ad - ed):0.00e+00}, relative error {GradCheck.RelativeError(ad, ed):0.00e+00})."));
    }
}
