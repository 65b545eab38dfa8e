namespace Course.Engine.Layers;

/// <summary>Validates GRU weights: Wx (3H, D), Wh (3H, H), bx (3H), bh (3H).</summary>
internal static class GruShapes
{
    public static void Check<T>(string layer, Tensor<T> wx, Tensor<T> wh, Tensor<T> bx, Tensor<T> bh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int h = wh.Rank == 2 ? wh.Dim(1) : -1;
        if (h < 1 || wh.Dim(0) != 3 * h || wx.Rank != 2 || wx.Dim(0) != 3 * h
            || bx.Rank != 1 || bx.Dim(0) != 3 * h || bh.Rank != 1 || bh.Dim(0) != 3 * h)
            throw new ArgumentException(
                $"{layer}: expected Wx (3H, D), Wh (3H, H), bx (3H), bh (3H); got {wx.ShapeString}, {wh.ShapeString}, {bx.ShapeString}, {bh.ShapeString}.");
    }
}
