namespace Course.Day04;

/// <summary>Exercise 4.5 — average pooling, channel by channel (lesson §4.6).</summary>
/// <remarks>
/// x (N, C, H, W) → (N, C, OH, OW); every output is the window's sum divided by ph·pw (padded pixels count as 0, as in
/// PyTorch's default). Backward spreads dOut/(ph·pw) to every real pixel of the window; overlaps add up.
/// </remarks>
public sealed class AvgPoolingLayer : ILayer
{
    private int[]? _inputShape;
    private int[]? _outputShape;

    public AvgPoolingLayer(int ph, int pw, int stride, int pad = 0)
    {
        if (ph < 1 || pw < 1 || stride < 1 || pad < 0 || pad >= Math.Min(ph, pw))
            throw new ArgumentException($"AvgPoolingLayer: need window ≥ 1, stride ≥ 1, 0 ≤ pad < window; got {ph}×{pw}, stride {stride}, pad {pad}.");
        PoolHeight = ph; PoolWidth = pw; Stride = stride; Pad = pad;
    }

    public int PoolHeight { get; }
    public int PoolWidth { get; }
    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4) throw new ArgumentException($"AvgPoolingLayer: expected input (N, C, H, W), got {x.ShapeString}.", nameof(x));
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        int oh = ConvMath.OutputSize(h, PoolHeight, Pad, Stride), ow = ConvMath.OutputSize(w, PoolWidth, Pad, Stride);
        var y = Tensor.Zeros(n, c, oh, ow);
        var xs = x.Span; var ys = y.Span;
        double scale = 1.0 / (PoolHeight * PoolWidth);
        int o = 0;
        for (int plane = 0; plane < n * c; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++, o++)
        {
            double sum = 0;
            for (int ky = 0; ky < PoolHeight; ky++)
            {
                int iy = oy * Stride + ky - Pad;
                if (iy < 0 || iy >= h) continue;
                for (int kx = 0; kx < PoolWidth; kx++)
                {
                    int ix = ox * Stride + kx - Pad;
                    if (ix < 0 || ix >= w) continue;
                    sum += xs[(plane * h + iy) * w + ix];
                }
            }
            ys[o] = sum * scale;
        }
        _inputShape = x.ShapeArray;
        _outputShape = y.ShapeArray;
        return y;
    }

    public Tensor Backward(Tensor dOut)
    {
        var inputShape = _inputShape ?? throw new InvalidOperationException("AvgPoolingLayer.Backward called before Forward.");
        if (!dOut.Shape.SequenceEqual(_outputShape))
            throw new ArgumentException($"AvgPoolingLayer.Backward: expected dOut of shape {Shapes.Format(_outputShape!)}, got {dOut.ShapeString}.", nameof(dOut));
        int h = inputShape[2], w = inputShape[3], oh = _outputShape![2], ow = _outputShape[3];
        var dx = Tensor.Zeros(inputShape);
        var ds = dx.Span; var dy = dOut.Span;
        double scale = 1.0 / (PoolHeight * PoolWidth);
        int o = 0;
        for (int plane = 0; plane < inputShape[0] * inputShape[1]; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++, o++)
        {
            double share = dy[o] * scale;
            for (int ky = 0; ky < PoolHeight; ky++)
            {
                int iy = oy * Stride + ky - Pad;
                if (iy < 0 || iy >= h) continue;
                for (int kx = 0; kx < PoolWidth; kx++)
                {
                    int ix = ox * Stride + kx - Pad;
                    if (ix < 0 || ix >= w) continue;
                    ds[(plane * h + iy) * w + ix] += share;
                }
            }
        }
        return dx;
    }
}
