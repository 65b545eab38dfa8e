namespace Course.Engine.Layers;

/// <summary>The one shape check every recurrent cell repeats: a state or gradient must be (N, H).</summary>
internal static class RecurrentShapes
{
    public static void Require<T>(string layer, string name, Tensor<T> t, int n, int h) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (t.Rank != 2 || t.Dim(0) != n || t.Dim(1) != h)
            throw new ArgumentException($"{layer}: expected {name} of shape ({n}, {h}), got {t.ShapeString}.");
    }
}
