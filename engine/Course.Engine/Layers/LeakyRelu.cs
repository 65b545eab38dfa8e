namespace Course.Engine.Layers;

/// <summary>Leaky ReLU <c>y = x</c> for x &gt; 0, else <c>α·x</c>, elementwise; any shape (DCGAN / GAN discriminators use α = 0.2).</summary>
/// <remarks>Forward caches x. Backward: dX = dOut where x &gt; 0, else α·dOut (slope α taken at exactly 0).</remarks>
public sealed class LeakyRelu<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _x;

    public LeakyRelu(double slope = 0.2)
    {
        if (slope is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(slope), $"LeakyRelu: slope must be in [0, 1), got {slope}.");
        Slope = slope;
    }

    public double Slope { get; }
    public IReadOnlyList<Parameter<T>> Parameters => [];

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        _x = x;
        T a = T.CreateChecked(Slope);
        var y = Tensor<T>.ZerosLike(x);
        var xs = x.Span;
        var ys = y.Span;
        for (int i = 0; i < xs.Length; i++) ys[i] = xs[i] > T.Zero ? xs[i] : a * xs[i];
        return y;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var x = _x ?? throw new InvalidOperationException("LeakyRelu.Backward called before Forward.");
        if (!x.SameShape(dOut))
            throw new ArgumentException($"LeakyRelu.Backward: expected dOut of shape {x.ShapeString}, got {dOut.ShapeString}.");
        T a = T.CreateChecked(Slope);
        var dx = Tensor<T>.ZerosLike(x);
        var xs = x.Span;
        var g = dOut.Span;
        var d = dx.Span;
        for (int i = 0; i < xs.Length; i++) d[i] = xs[i] > T.Zero ? g[i] : a * g[i];
        return dx;
    }
}
