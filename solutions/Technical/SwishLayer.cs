namespace Cert.Technical;

/// <summary>T1 variant swish: y = x·σ(x), so y′ = σ(x) + x·σ(x)(1 − σ(x)).</summary>
/// <remarks>Any input shape. Forward keeps a copy of x, so a caller changing its tensor afterwards cannot change Backward.</remarks>
public sealed class SwishLayer : ILayer
{
    private Tensor? _x;

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
        var x = _x ?? throw new InvalidOperationException("SwishLayer.Backward called before Forward.");
        if (!x.SameShape(dOut))
            throw new ArgumentException($"SwishLayer.Backward: expected dOut of shape {x.ShapeString}, got {dOut.ShapeString}.");
        var dx = Tensor.ZerosLike(x);
        var xs = x.Span;
        var g = dOut.Span;
        var d = dx.Span;
        for (int i = 0; i < xs.Length; i++) d[i] = g[i] * Derivative(xs[i]);
        return dx;
    }

    private static double Value(double x) => x * Sigma(x);

    private static double Derivative(double x)
    {
        var s = Sigma(x);
        return s + x * s * (1.0 - s);
    }

    private static double Sigma(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
