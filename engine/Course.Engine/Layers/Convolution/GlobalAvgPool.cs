using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Global average pooling: (N, C, H, W) → (N, C), the mean of each channel's plane. Caches the input shape.</summary>
/// <remarks>Backward spreads dOut[n, c]/(H·W) over the plane.</remarks>
public sealed class GlobalAvgPool<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _inputShape;

    public IReadOnlyList<Parameter<T>> Parameters => [];

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank != 4) throw new ArgumentException($"GlobalAvgPool: expected input of shape (N, C, H, W), got {x.ShapeString}.");
        _inputShape = x.ShapeArray;
        int planes = x.Dim(0) * x.Dim(1), hw = x.Dim(2) * x.Dim(3);
        var y = Tensor<T>.Zeros(x.Dim(0), x.Dim(1));
        T inv = T.One / T.CreateChecked(hw);
        for (int p = 0; p < planes; p++) y.Span[p] = TensorPrimitives.Sum<T>(x.Span.Slice(p * hw, hw)) * inv;
        return y;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var shape = _inputShape ?? throw new InvalidOperationException("GlobalAvgPool.Backward called before Forward.");
        if (dOut.Rank != 2 || dOut.Dim(0) != shape[0] || dOut.Dim(1) != shape[1])
            throw new ArgumentException($"GlobalAvgPool.Backward: expected dOut of shape ({shape[0]}, {shape[1]}), got {dOut.ShapeString}.");
        int hw = shape[2] * shape[3];
        T inv = T.One / T.CreateChecked(hw);
        var dx = Tensor<T>.Zeros(shape);
        for (int p = 0; p < shape[0] * shape[1]; p++) dx.Span.Slice(p * hw, hw).Fill(dOut.Span[p] * inv);
        return dx;
    }
}
