namespace Course.Engine.Tests.Part2;

/// <summary>Central differences of a scalar function with respect to one tensor (perturbed in place, then restored).</summary>
internal static class NumericGradient
{
    public static Tensor<double> Of(Func<double> loss, Tensor<double> target, double h = 1e-5)
    {
        var g = Tensor<double>.ZerosLike(target);
        var s = target.Span;
        for (int i = 0; i < s.Length; i++)
        {
            double original = s[i];
            s[i] = original + h;
            double plus = loss();
            s[i] = original - h;
            double minus = loss();
            s[i] = original;
            g.Span[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /// <summary>Largest |a − n| / max(1e-8, |a| + |n|) over the elements (CURRICULUM §3.3).</summary>
    public static double MaxRelativeError(Tensor<double> analytic, Tensor<double> numeric)
    {
        analytic.ShapeArray.Should().Equal(numeric.ShapeArray);
        double worst = 0;
        for (int i = 0; i < analytic.Length; i++)
            worst = Math.Max(worst, GradCheck.RelativeError(analytic.Span[i], numeric.Span[i]));
        return worst;
    }

    /// <summary>Σ y ⊙ r, the scalar the layer checks use.</summary>
    public static double WeightedSum(Tensor<double> y, Tensor<double> r) => (y * r).Sum();

    /// <summary>Values at least <paramref name="gap"/> from 0 (ReLU kinks) — CURRICULUM §3.3.</summary>
    public static Tensor<double> AwayFromZero(Rng rng, double gap, params int[] shape)
    {
        var x = rng.Normal(1.0, shape);
        var s = x.Span;
        for (int i = 0; i < s.Length; i++) if (Math.Abs(s[i]) < gap) s[i] = s[i] < 0 ? s[i] - gap : s[i] + gap;
        return x;
    }
}
