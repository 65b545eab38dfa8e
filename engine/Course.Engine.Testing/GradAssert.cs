namespace Course.Engine.Testing;

/// <summary>Gradient checks as test assertions: run <see cref="GradCheck"/> and fail with a learner-readable message.</summary>
public static class GradAssert
{
    /// <summary>
    /// Fails unless Backward's dL/dx and every parameter's Grad match central differences (h = 1e-5) of
    /// L = Σ Forward(x) ⊙ R to within <paramref name="tolerance"/> relative error (see <see cref="GradCheck.Layer"/>).
    /// </summary>
    /// <returns>The report, for tests that want to assert more (e.g. the error is well below the tolerance).</returns>
    public static GradReport LayerGradientsMatch(ILayer<double> layer, Tensor<double> x, Rng rng, double tolerance = 1e-7, bool training = true)
    {
        var report = GradCheck.Layer(layer, x, rng, training: training, tolerance: tolerance);
        if (!report.Passed)
            throw new EngineAssertionException(
                $"{FailureText.LayerName(layer)}: {report}\n" +
                Hint(report, "Backward(dOut)", "your Backward's result", "central difference of L = Σ Forward(x) ⊙ dOut"));
        return report;
    }

    /// <summary>Fails unless <paramref name="analytic"/> matches central differences of <paramref name="f"/> at <paramref name="x"/>.</summary>
    public static GradReport FunctionGradientMatches(Func<Tensor<double>, double> f, Tensor<double> x, Tensor<double> analytic,
                                                     double tolerance = 1e-7, double h = 1e-5)
    {
        var report = GradCheck.Function(f, x, analytic, h, tolerance);
        if (!report.Passed)
            throw new EngineAssertionException($"{report}\n" + Hint(report, "the gradient", "your gradient", "central difference (f(x + h) − f(x − h)) / 2h"));
        return report;
    }

    private static string Hint(GradReport report, string what, string analytic, string numeric)
    {
        string target = report.TensorName switch
        {
            "x" or "dx" => "dL/dx (the tensor " + what + " returns)",
            "dOut" or "y" or "LastMask" or "gradient" => "",
            _ => $"the gradient of parameter {report.TensorName} (its Grad after Backward)",
        };
        bool isParameter = report.TensorName is not ("x" or "dx" or "dOut" or "y" or "LastMask" or "gradient");
        string lines = isParameter
            ? $"  analytic = {report.TensorName}.Grad after Backward; numeric = {numeric}."
            : $"  analytic = {analytic}; numeric = {numeric}.";
        if (target.Length > 0) lines = $"  The mismatch is in {target}.\n" + lines;
        if (report.Problem is null && double.IsFinite(report.Analytic) && double.IsFinite(report.Numeric) && report.Numeric != 0)
        {
            double ratio = report.Analytic / report.Numeric;
            if (Math.Abs(ratio - Math.Round(ratio)) < 1e-3 && Math.Round(ratio) is not (0 or 1))
                lines += $"\n  analytic / numeric = {ratio:G4}: a constant factor (summed instead of averaged, accumulated twice, a missing 1/N?).";
            else if (Math.Abs(ratio + 1) < 1e-3)
                lines += "\n  analytic = −numeric: a sign error.";
        }
        return lines;
    }
}
