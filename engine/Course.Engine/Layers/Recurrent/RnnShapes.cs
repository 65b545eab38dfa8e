namespace Course.Engine.Layers;

/// <summary>Validates vanilla RNN weights: Wx (H, D), Wh (H, H), b (H).</summary>
internal static class RnnShapes
{
    public static void Check<T>(string layer, Tensor<T> wx, Tensor<T> wh, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int h = wh.Rank == 2 ? wh.Dim(1) : -1;
        if (h < 1 || wh.Dim(0) != h || wx.Rank != 2 || wx.Dim(0) != h || b.Rank != 1 || b.Dim(0) != h)
            throw new ArgumentException($"{layer}: expected Wx (H, D), Wh (H, H), b (H); got {wx.ShapeString}, {wh.ShapeString}, {b.ShapeString}.");
    }
}
