namespace Cert.Technical;

/// <summary>T3 variant global-max-pool: (N, C, H, W) → (N, C), the maximum of each channel's map.</summary>
/// <remarks>Backward routes each gradient to the position of the maximum (the first one in row-major order on ties).</remarks>
public sealed class GlobalMaxPooling : ILayer
{
    private (int[] Shape, int[] ArgMax)? _cache;

    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4) throw new ArgumentException($"GlobalMaxPooling: expected input of shape (N, C, H, W), got {x.ShapeString}.");
        int n = x.Dim(0), c = x.Dim(1), hw = x.Dim(2) * x.Dim(3);
        var y = Tensor.Zeros(n, c);
        var arg = new int[n * c];
        var xs = x.Span;
        var ys = y.Span;
        for (int m = 0; m < n * c; m++)
        {
            int best = m * hw;
            for (int j = m * hw + 1; j < (m + 1) * hw; j++) if (xs[j] > xs[best]) best = j;
            arg[m] = best;
            ys[m] = xs[best];
        }
        _cache = (x.ShapeArray, arg);
        return y;
    }

    public Tensor Backward(Tensor dOut)
    {
        var (shape, arg) = _cache ?? throw new InvalidOperationException("GlobalMaxPooling.Backward called before Forward.");
        if (dOut.Rank != 2 || dOut.Dim(0) != shape[0] || dOut.Dim(1) != shape[1])
            throw new ArgumentException($"GlobalMaxPooling.Backward: expected dOut of shape ({shape[0]}, {shape[1]}), got {dOut.ShapeString}.");
        var dx = Tensor.Zeros(shape);
        var d = dx.Span;
        var g = dOut.Span;
        for (int m = 0; m < arg.Length; m++) d[arg[m]] = g[m];
        return dx;
    }
}
