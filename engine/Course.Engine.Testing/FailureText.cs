namespace Course.Engine.Testing;

/// <summary>Flat index → full index text, and layer type names, for failure messages.</summary>
internal static class FailureText
{
    /// <summary>A type's name without the generic arity suffix: <c>Affine`1</c> → <c>Affine</c>.</summary>
    public static string LayerName(object layer)
    {
        string name = layer.GetType().Name;
        int tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    public static string Index(int flat, ReadOnlySpan<int> shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            if (shape[d] == 0) continue;
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return "[" + string.Join(", ", index) + "]";
    }
}
