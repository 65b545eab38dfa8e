namespace Course.Day04;

/// <summary>Exercise 4.5 — max pooling, channel by channel (lesson §4.6).</summary>
/// <remarks>
/// x (N, C, H, W) → (N, C, OH, OW) with OH = (H + 2·pad − ph)/stride + 1. Padding never wins (it counts as −∞).
/// Tie rule: when several pixels of a window share the maximum, the first one in row-major order is the argmax, and
/// Backward sends that window's whole gradient there. Overlapping windows add their gradients on a shared pixel.
/// </remarks>
public sealed class MaxPoolingLayer : ILayer
{
    private int[]? _argMax;      // per output element, the flat index into x of its window's maximum
    private int[]? _inputShape;
    private int[]? _outputShape;

    public MaxPoolingLayer(int ph, int pw, int stride, int pad = 0)
    {
        if (ph < 1 || pw < 1 || stride < 1 || pad < 0 || pad >= Math.Min(ph, pw))
            throw new ArgumentException($"MaxPoolingLayer: need window ≥ 1, stride ≥ 1, 0 ≤ pad < window; got {ph}×{pw}, stride {stride}, pad {pad}.");
        PoolHeight = ph; PoolWidth = pw; Stride = stride; Pad = pad;
    }

    public int PoolHeight { get; }
    public int PoolWidth { get; }
    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4) throw new ArgumentException($"MaxPoolingLayer: expected input (N, C, H, W), got {x.ShapeString}.", nameof(x));
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        int oh = ConvMath.OutputSize(h, PoolHeight, Pad, Stride), ow = ConvMath.OutputSize(w, PoolWidth, Pad, Stride);
        var y = Tensor.Zeros(n, c, oh, ow);
        var argMax = new int[y.Length];
        var xs = x.Span; var ys = y.Span;
        int o = 0;
        for (int plane = 0; plane < n * c; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++, o++)
        {
            double best = double.NegativeInfinity;
            int bestAt = -1;
            for (int ky = 0; ky < PoolHeight; ky++)
            {
                int iy = oy * Stride + ky - Pad;
                if (iy < 0 || iy >= h) continue;
                for (int kx = 0; kx < PoolWidth; kx++)
                {
                    int ix = ox * Stride + kx - Pad;
                    if (ix < 0 || ix >= w) continue;
                    int at = (plane * h + iy) * w + ix;
                    if (bestAt < 0 || xs[at] > best) { best = xs[at]; bestAt = at; }   // strict >: the first maximum keeps a tie
                }
            }
            ys[o] = best;
            argMax[o] = bestAt;
        }
        _argMax = argMax;
        _inputShape = x.ShapeArray;
        _outputShape = y.ShapeArray;
        return y;
    }

    public Tensor Backward(Tensor dOut)
    {
        var argMax = _argMax ?? throw new InvalidOperationException("MaxPoolingLayer.Backward called before Forward.");
        if (!dOut.Shape.SequenceEqual(_outputShape))
            throw new ArgumentException($"MaxPoolingLayer.Backward: expected dOut of shape {Shapes.Format(_outputShape!)}, got {dOut.ShapeString}.", nameof(dOut));
        var dx = Tensor.Zeros(_inputShape!);
        var ds = dx.Span; var dy = dOut.Span;
        for (int o = 0; o < argMax.Length; o++)
            ds[argMax[o]] += dy[o];
        return dx;
    }
}
