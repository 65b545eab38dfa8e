namespace Course.Engine.Testing;

/// <summary>Compares a learner's layer with the engine's reference layer on the same weights and inputs (CURRICULUM §3.3).</summary>
public static class DifferentialCheck
{
    /// <summary>Absolute part of the tolerance: |learner − reference| ≤ 1e-10 + 1e-9·|reference|.</summary>
    public const double Absolute = 1e-10;

    /// <summary>Relative part of the tolerance.</summary>
    public const double Relative = 1e-9;

    /// <summary>
    /// Copies the reference's parameter values into the learner's parameters (by position; the shapes must match),
    /// runs both Forwards on copies of <paramref name="x"/> and both Backwards on the same random dOut drawn from
    /// <paramref name="rng"/>, then requires the outputs, dL/dx and every parameter's Grad to agree to
    /// 1e-10 absolute + 1e-9 relative. Fails with the tensor, index and both values.
    /// </summary>
    public static void Layers(ILayer<double> learner, ILayer<double> reference, Tensor<double> x, Rng rng, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(reference);
        string who = FailureText.LayerName(learner);
        var lp = learner.Parameters;
        var rp = reference.Parameters;
        if (lp.Count != rp.Count)
            throw new EngineAssertionException(
                $"{who} has {lp.Count} parameters ({Names(lp)}) but the reference {FailureText.LayerName(reference)} has {rp.Count} ({Names(rp)}).");
        for (int i = 0; i < lp.Count; i++)
        {
            if (!lp[i].Value.SameShape(rp[i].Value))
                throw new EngineAssertionException(
                    $"{who}: parameter {i} ('{lp[i].Name}') has shape {lp[i].Value.ShapeString}; the reference's '{rp[i].Name}' has {rp[i].Value.ShapeString}.");
            lp[i].Value.CopyFrom(rp[i].Value);
        }

        var yLearner = learner.Forward(x.Clone(), training);
        var yReference = reference.Forward(x.Clone(), training);
        TensorAssert.Close(yLearner, yReference, Absolute, Relative, $"{who}.Forward output", "it must equal the reference layer's output");

        var dOut = rng.Normal(1.0, yReference.ShapeArray);
        var dxLearner = learner.Backward(dOut.Clone());
        var dxReference = reference.Backward(dOut.Clone());
        TensorAssert.Close(dxLearner, dxReference, Absolute, Relative, $"{who}.Backward dL/dx", "it must equal the reference layer's dL/dx");

        for (int i = 0; i < lp.Count; i++)
            TensorAssert.Close(lp[i].Grad, rp[i].Grad, Absolute, Relative, $"{who} parameter '{lp[i].Name}' Grad",
                "it must equal the reference layer's gradient");
    }

    private static string Names(IReadOnlyList<Parameter<double>> ps) => ps.Count == 0 ? "none" : string.Join(", ", ps.Select(p => p.Name));
}
