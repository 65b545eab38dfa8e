using Course.Engine.Layers;

namespace Course.Day05;

/// <summary>Exercise 5.3 — depthwise-separable convolution: a k×k filter per channel (no channel mixing), then a 1×1 conv (lesson §5.3).</summary>
/// <remarks>
/// x (N, C, H, W) → depthwise (N, C, OH, OW) → pointwise (N, outC, OH, OW). Parameters: depthwise "W" (C, 1, k, k)
/// without bias, then the pointwise conv's "W" (outC, C, 1, 1) and "b" (outC). Weights k²·C + C·outC instead of
/// k²·C·outC: the ratio is 1/outC + 1/k².
/// </remarks>
public sealed class DepthwiseSeparableConv : ILayer
{
    private readonly Parameter _depthwise;
    private readonly Conv2d<double> _pointwise;
    private readonly Parameter[] _parameters;
    private readonly int _k, _stride, _pad;
    private Tensor? _x;
    private int _oh, _ow;

    public DepthwiseSeparableConv(int channels, int outChannels, int k, int stride, int pad, Rng rng)
    {
        if (channels < 1 || outChannels < 1 || k < 1 || stride < 1 || pad < 0)
            throw new ArgumentException($"DepthwiseSeparableConv: need channels, outChannels, k, stride ≥ 1 and pad ≥ 0, got ({channels}, {outChannels}, {k}, {stride}, {pad}).");
        ArgumentNullException.ThrowIfNull(rng);
        _k = k;
        _stride = stride;
        _pad = pad;
        _depthwise = new Parameter("W", Init.Weights<double>(WeightInit.He, k * k, rng, 0.01, channels, 1, k, k));   // fan-in of one channel's k×k window
        _pointwise = new Conv2d<double>(channels, outChannels, 1, rng);
        _parameters = [_depthwise, .. _pointwise.Parameters];
    }

    public int Channels => _depthwise.Value.Dim(0);

    /// <summary>Depthwise "W" (C, 1, k, k).</summary>
    public Parameter Depthwise => _depthwise;

    /// <summary>The 1×1 convolution that mixes channels.</summary>
    public Conv2d<double> Pointwise => _pointwise;

    public IReadOnlyList<Parameter> Parameters => _parameters;

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4 || x.Dim(1) != Channels)
            throw new ArgumentException($"DepthwiseSeparableConv: expected input of shape (N, {Channels}, H, W), got {x.ShapeString}.");
        int n = x.Dim(0), c = Channels, h = x.Dim(2), w = x.Dim(3);
        _oh = (h + 2 * _pad - _k) / _stride + 1;
        _ow = (w + 2 * _pad - _k) / _stride + 1;
        if (_oh < 1 || _ow < 1)
            throw new ArgumentException($"DepthwiseSeparableConv: a {_k}×{_k} window does not fit input {x.ShapeString} with pad {_pad}.");
        _x = x;
        var d = Tensor.Zeros(n, c, _oh, _ow);
        var xs = x.Span;
        var ws = _depthwise.Value.Span;
        var ds = d.Span;
        for (int img = 0; img < n; img++)
        for (int ch = 0; ch < c; ch++)
        {
            int xBase = (img * c + ch) * h * w, dBase = (img * c + ch) * _oh * _ow, wBase = ch * _k * _k;
            for (int oy = 0; oy < _oh; oy++)
            for (int ox = 0; ox < _ow; ox++)
            {
                double sum = 0;
                for (int ky = 0; ky < _k; ky++)
                {
                    int iy = oy * _stride - _pad + ky;
                    if ((uint)iy >= (uint)h) continue;
                    for (int kx = 0; kx < _k; kx++)
                    {
                        int ix = ox * _stride - _pad + kx;
                        if ((uint)ix >= (uint)w) continue;
                        sum += ws[wBase + ky * _k + kx] * xs[xBase + iy * w + ix];
                    }
                }
                ds[dBase + oy * _ow + ox] = sum;
            }
        }
        return _pointwise.Forward(d, training);
    }

    public Tensor Backward(Tensor dOut)
    {
        var x = _x ?? throw new InvalidOperationException("DepthwiseSeparableConv.Backward called before Forward.");
        var dd = _pointwise.Backward(dOut);   // (N, C, OH, OW); the pointwise conv checks dOut's shape
        int n = x.Dim(0), c = Channels, h = x.Dim(2), w = x.Dim(3);
        var dx = Tensor.Zeros(x.ShapeArray);
        var dw = Tensor.Zeros(_depthwise.Value.ShapeArray);
        var xs = x.Span;
        var ws = _depthwise.Value.Span;
        var g = dd.Span;
        var dxs = dx.Span;
        var dws = dw.Span;
        for (int img = 0; img < n; img++)
        for (int ch = 0; ch < c; ch++)
        {
            int xBase = (img * c + ch) * h * w, dBase = (img * c + ch) * _oh * _ow, wBase = ch * _k * _k;
            for (int oy = 0; oy < _oh; oy++)
            for (int ox = 0; ox < _ow; ox++)
            {
                double go = g[dBase + oy * _ow + ox];
                for (int ky = 0; ky < _k; ky++)
                {
                    int iy = oy * _stride - _pad + ky;
                    if ((uint)iy >= (uint)h) continue;
                    for (int kx = 0; kx < _k; kx++)
                    {
                        int ix = ox * _stride - _pad + kx;
                        if ((uint)ix >= (uint)w) continue;
                        dws[wBase + ky * _k + kx] += go * xs[xBase + iy * w + ix];
                        dxs[xBase + iy * w + ix] += go * ws[wBase + ky * _k + kx];
                    }
                }
            }
        }
        _depthwise.Grad = dw;
        return dx;
    }
}
