namespace Course.Day05;

/// <summary>Exercise 5.3 — global average pooling (N, C, H, W) → (N, C), the mean of each channel plane (lesson §5.3).</summary>
/// <remarks>Replaces the flatten + large fc of VGG with no parameters; Backward spreads dOut[n, c]/(H·W) over the plane.</remarks>
public sealed class GlobalAveragePooling : ILayer
{
    private int[]? _inputShape;

    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4) throw new ArgumentException($"GlobalAveragePooling: expected input of shape (N, C, H, W), got {x.ShapeString}.");
        _inputShape = x.ShapeArray;
        int planes = x.Dim(0) * x.Dim(1), hw = x.Dim(2) * x.Dim(3);
        var y = Tensor.Zeros(x.Dim(0), x.Dim(1));
        var xs = x.Span;
        var ys = y.Span;
        for (int p = 0; p < planes; p++)
        {
            double sum = 0;
            for (int i = 0; i < hw; i++) sum += xs[p * hw + i];
            ys[p] = sum / hw;
        }
        return y;
    }

    public Tensor Backward(Tensor dOut)
    {
        var shape = _inputShape ?? throw new InvalidOperationException("GlobalAveragePooling.Backward called before Forward.");
        if (dOut.Rank != 2 || dOut.Dim(0) != shape[0] || dOut.Dim(1) != shape[1])
            throw new ArgumentException($"GlobalAveragePooling.Backward: expected dOut of shape ({shape[0]}, {shape[1]}), got {dOut.ShapeString}.");
        int hw = shape[2] * shape[3];
        var dx = Tensor.Zeros(shape);
        var g = dOut.Span;
        for (int p = 0; p < shape[0] * shape[1]; p++) dx.Span.Slice(p * hw, hw).Fill(g[p] / hw);
        return dx;
    }
}
