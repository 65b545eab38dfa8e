namespace Cert.Technical;

/// <summary>T1 variant leaky-relu: y = x for x &gt; 0, slope·x for x ≤ 0 (the slope is taken at exactly 0).</summary>
/// <remarks>Any input shape. Forward keeps a copy of x, so a caller changing its tensor afterwards cannot change Backward.</remarks>
public sealed class LeakyReluLayer(double slope) : ILayer
{
    private Tensor? _x;

    public double Slope { get; } = slope;

    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        _x = x.Clone();
        var y = Tensor.ZerosLike(x);
        var xs = x.Span;
        var ys = y.Span;
        for (int i = 0; i < xs.Length; i++) ys[i] = Value(xs[i]);
        return y;
    }

    /// <summary>dX = dOut ⊙ f′(x); dOut is read, never written.</summary>
    public Tensor Backward(Tensor dOut)
    {
        var x = _x ?? throw new InvalidOperationException("LeakyReluLayer.Backward called before Forward.");
        if (!x.SameShape(dOut))
            throw new ArgumentException($"LeakyReluLayer.Backward: expected dOut of shape {x.ShapeString}, got {dOut.ShapeString}.");
        var dx = Tensor.ZerosLike(x);
        var xs = x.Span;
        var g = dOut.Span;
        var d = dx.Span;
        for (int i = 0; i < xs.Length; i++) d[i] = g[i] * Derivative(xs[i]);
        return dx;
    }

    private double Value(double x) => x > 0 ? x : Slope * x;

    private double Derivative(double x) => x > 0 ? 1.0 : Slope;
}
