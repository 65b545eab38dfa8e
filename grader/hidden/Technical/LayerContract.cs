namespace Course.Technical.Tests;

/// <summary>The general layer contract every T1/T3/T4 layer is held to: dOut untouched, Backward twice identical.</summary>
internal static class LayerContract
{
    public static void BackwardLeavesDOutAndRepeats(ILayer layer, Tensor x, Rng rng)
    {
        var y = layer.Forward(x.Clone());
        var dOut = rng.Normal(1.0, y.ShapeArray);
        var copy = dOut.Clone();
        var first = layer.Backward(dOut);
        var firstGrads = layer.Parameters.Select(p => p.Grad.Clone()).ToList();
        dOut.ToArray().Should().Equal(copy.ToArray(), "Backward must not write into dOut");
        var second = layer.Backward(dOut);
        second.ToArray().Should().Equal(first.ToArray(), "calling Backward twice after one Forward must give the same dX");
        for (int i = 0; i < firstGrads.Count; i++)
            layer.Parameters[i].Grad.ToArray().Should().Equal(firstGrads[i].ToArray(), $"{layer.Parameters[i].Name}.Grad must be overwritten, not accumulated");
    }

    /// <summary>Normal inputs pushed at least 0.05 away from 0, so ±h never crosses a kink.</summary>
    public static Tensor AwayFromZero(Rng rng, params int[] shape) =>
        rng.Normal(1.0, shape).Map(v => v >= 0 ? v + 0.05 : v - 0.05);
}
