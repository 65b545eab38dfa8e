using Course.Engine.Layers;

namespace Course.Engine;

/// <summary>
/// Central-difference gradient checks in float64 (CURRICULUM §3.3), used by learners, public and hidden tests.
/// </summary>
/// <remarks>
/// <para><see cref="Layer"/> checks a layer through the scalar L(x, θ) = Σ Forward(x) ⊙ R with a fixed random R drawn
/// from the given <see cref="Rng"/>, so the analytic gradients are Backward(R) and the parameters' Grad. Every element
/// of the input and of every parameter is perturbed by ±h (tensors with more than 2,000 elements: 200 distinct
/// indices sampled with the same Rng). Per element the relative error is |a − n| / max(1e-8, |a| + |n|); the report
/// names the worst element. NaN or ∞ anywhere is a failure naming that element, never a pass. The numerator
/// L(+h) − L(−h) is accumulated as Σ (y⁺ − y⁻) ⊙ R, which equals it exactly in real arithmetic but keeps outputs
/// that did not move from adding rounding noise (so near-zero gradients are not flagged spuriously).</para>
/// <para>Stochastic layers (<see cref="IStochasticLayer{T}"/>, which a learner's DropoutLayer implements too): one training Forward draws the mask, which is then frozen: the
/// numerical gradient is taken of x ↦ Σ (x ⊙ LastMask) ⊙ R (the layer as the linear map its mask defines) rather than
/// by calling Forward again, which would draw a new mask. Their parameters, if any, are not checked.</para>
/// <para>The caller's x is never modified (the check works on a copy); parameter values are restored bit for bit.</para>
/// </remarks>
public static class GradCheck
{
    /// <summary>Tensors up to this many elements are checked at every element.</summary>
    public const int FullCheckLimit = 2000;

    /// <summary>Number of sampled elements for larger tensors.</summary>
    public const int SampleCount = 200;

    /// <summary>Checks Backward's dL/dx and every parameter's Grad of <paramref name="layer"/> at input <paramref name="x"/>.</summary>
    public static GradReport Layer(ILayer<double> layer, Tensor<double> x, Rng rng, double h = 1e-5, bool training = true, double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(x);
        var input = x.Clone();
        var y = layer.Forward(input, training);
        var r = rng.Normal(1.0, y.ShapeArray);
        var dOut = r.Clone();
        var dx = layer.Backward(dOut);

        if (!dOut.Span.SequenceEqual(r.Span))
            return Problem("dOut", tolerance, "Backward modified the dOut tensor it was given; it must return a new tensor and leave dOut unchanged.");
        if (!dx.SameShape(input))
            return Problem("dx", tolerance, $"Backward returned dx of shape {dx.ShapeString}, but the input x has shape {input.ShapeString}.");
        dx = dx.Clone();   // the numeric pass must not see a buffer the layer reuses

        var parameters = layer.Parameters;
        var names = ParameterNames(parameters);
        var analyticGrads = new Tensor<double>[parameters.Count];
        for (int p = 0; p < parameters.Count; p++)
        {
            var g = parameters[p].Grad;
            if (g is null || !g.SameShape(parameters[p].Value))
                return Problem(names[p], tolerance,
                    $"Grad has shape {g?.ShapeString ?? "null"}, but the parameter value has shape {parameters[p].Value.ShapeString}.");
            analyticGrads[p] = g.Clone();
        }

        var mask = training ? FrozenMask(layer) : null;
        if (mask is not null && !mask.SameShape(input))
            return Problem("LastMask", tolerance, $"LastMask has shape {mask.ShapeString}, but the input x has shape {input.ShapeString}.");
        if (mask is not null && !y.SameShape(input))
            return Problem("y", tolerance, $"Forward returned shape {y.ShapeString} for an input of shape {input.ShapeString}; a masking layer keeps the shape.");
        if (mask is not null)
            for (int i = 0; i < y.Length; i++)
            {
                double expected = input.Span[i] * mask.Span[i];
                if (Math.Abs(y.Span[i] - expected) > 1e-12 * (1 + Math.Abs(expected)))
                    return new GradReport(false, double.PositiveInfinity, "y", Unravel(i, y.ShapeArray), y.Span[i], expected)
                    {
                        Problem = $"the training Forward output {y.Span[i]} differs from x ⊙ LastMask = {expected}.",
                        Tolerance = tolerance,
                    };
            }

        // Numerator of the central difference, Σ_i (y⁺_i − y⁻_i)·R_i: mathematically (L⁺ − L⁻), but outputs that the
        // perturbation leaves unchanged contribute exactly 0 instead of rounding noise of the size ε·|L|.
        Func<Tensor<double>> output = mask is null ? () => layer.Forward(input, training) : () => input * mask;
        Func<Tensor<double>, Tensor<double>, double> difference = (plus, minus) => WeightedDifference(plus, minus, r);

        var worst = new Worst();
        var failure = Compare("x", input, dx, output, difference, h, rng, ref worst);
        if (failure is null && mask is null)
            for (int p = 0; p < parameters.Count && failure is null; p++)
                failure = Compare(names[p], parameters[p].Value, analyticGrads[p], output, difference, h, rng, ref worst);

        if (mask is null)
        {
            // Leave the layer as a plain Forward/Backward at the unperturbed point would have (caches and Grad).
            layer.Forward(input, training);
            layer.Backward(r.Clone());
        }
        return (failure ?? worst.ToReport(tolerance)) with { ElementsChecked = worst.Count, Tolerance = tolerance };
    }

    /// <summary>
    /// Compares <paramref name="analytic"/> (x's shape) with central differences of the scalar function
    /// <paramref name="f"/> at <paramref name="x"/> (x is restored afterwards). Tensors above 2,000 elements are
    /// sampled at 200 indices (fixed seed, so the same call checks the same elements).
    /// </summary>
    public static GradReport Function(Func<Tensor<double>, double> f, Tensor<double> x, Tensor<double> analytic, double h = 1e-5, double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!analytic.SameShape(x))
            return Problem("gradient", tolerance, $"the analytic gradient has shape {analytic.ShapeString}, but x has shape {x.ShapeString}.");
        var point = x.Clone();
        var worst = new Worst();
        var failure = Compare("x", point, analytic, () => Tensor<double>.Scalar(f(point)), static (plus, minus) => plus[0] - minus[0],
                              h, new Rng(FullCheckLimit), ref worst);
        return (failure ?? worst.ToReport(tolerance)) with { ElementsChecked = worst.Count, Tolerance = tolerance };
    }

    /// <summary>|a − n| / max(1e-8, |a| + |n|), the per-element relative error of CURRICULUM §3.3.</summary>
    public static double RelativeError(double analytic, double numeric)
        => Math.Abs(analytic - numeric) / Math.Max(1e-8, Math.Abs(analytic) + Math.Abs(numeric));

    private static GradReport? Compare(string name, Tensor<double> target, Tensor<double> analytic,
                                       Func<Tensor<double>> evaluate, Func<Tensor<double>, Tensor<double>, double> difference,
                                       double h, Rng rng, ref Worst worst)
    {
        var shape = target.ShapeArray;
        foreach (int i in Indices(target.Length, rng))
        {
            var span = target.Span;
            double original = span[i];
            span[i] = original + h;
            var plus = evaluate().Clone();   // a copy: a layer may reuse its output buffer on the next Forward
            target.Span[i] = original - h;
            var minus = evaluate();
            target.Span[i] = original;

            double numeric = difference(plus, minus) / (2 * h);
            double a = analytic.Span[i];
            worst.Count++;
            if (!double.IsFinite(a) || !double.IsFinite(numeric))
            {
                string which = !double.IsFinite(a) ? "the analytic gradient" : "the loss (numeric gradient)";
                return new GradReport(false, double.PositiveInfinity, name, Unravel(i, shape), a, numeric)
                {
                    Problem = $"{which} is {(double.IsFinite(a) ? numeric : a)} (not finite).",
                };
            }
            double rel = RelativeError(a, numeric);
            if (rel > worst.Error || worst.Name is null)
                worst = worst with { Error = rel, Name = name, Index = Unravel(i, shape), Analytic = a, Numeric = numeric };
        }
        return null;
    }

    private static IEnumerable<int> Indices(int length, Rng rng)
    {
        if (length <= FullCheckLimit)
        {
            for (int i = 0; i < length; i++) yield return i;
            yield break;
        }
        var chosen = new HashSet<int>();
        while (chosen.Count < SampleCount) chosen.Add(rng.NextInt(length));
        var sorted = chosen.ToArray();
        Array.Sort(sorted);
        foreach (int i in sorted) yield return i;
    }

    private static double WeightedDifference(Tensor<double> plus, Tensor<double> minus, Tensor<double> r)
    {
        if (!plus.SameShape(r) || !minus.SameShape(r))
            throw new InvalidOperationException($"GradCheck: Forward returned shape {plus.ShapeString} on a perturbed input but {r.ShapeString} before.");
        double s = 0;
        var p = plus.Span; var m = minus.Span; var rs = r.Span;
        for (int i = 0; i < rs.Length; i++) s += (p[i] - m[i]) * rs[i];
        return s;
    }

    private static Tensor<double>? FrozenMask(ILayer<double> layer) => (layer as IStochasticLayer<double>)?.LastMask;

    private static string[] ParameterNames(IReadOnlyList<Parameter<double>> parameters)
    {
        var names = new string[parameters.Count];
        var seen = new Dictionary<string, int>();
        for (int p = 0; p < parameters.Count; p++)
        {
            string n = parameters[p].Name;
            seen[n] = seen.TryGetValue(n, out int k) ? k + 1 : 1;
            names[p] = seen[n] == 1 ? n : $"{n}#{seen[n]}";
        }
        return names;
    }

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return index;
    }

    private static GradReport Problem(string tensor, double tolerance, string message)
        => new(false, double.PositiveInfinity, tensor, [], double.NaN, double.NaN) { Problem = message, Tolerance = tolerance };

    private record struct Worst(double Error, string? Name, int[]? Index, double Analytic, double Numeric, int Count)
    {
        public readonly GradReport ToReport(double tolerance) =>
            new(Error <= tolerance, Error, Name ?? "(nothing)", Index ?? [], Analytic, Numeric) { Tolerance = tolerance };
    }
}
