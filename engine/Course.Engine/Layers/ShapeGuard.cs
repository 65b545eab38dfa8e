namespace Course.Engine.Layers;

/// <summary>The checks every layer's Backward repeats, with the message format of CURRICULUM §3.2.</summary>
internal static class ShapeGuard
{
    /// <summary>Throws unless dOut has the shape of the layer's output (elementwise layers: the input's shape).</summary>
    public static void RequireSameAsOutput<T>(string layer, Tensor<T> output, Tensor<T> dOut) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!output.SameShape(dOut))
            throw new ArgumentException($"{layer}.Backward: expected dOut of shape {output.ShapeString}, got {dOut.ShapeString}.", nameof(dOut));
    }
}
