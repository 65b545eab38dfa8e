namespace Course.Day08;

/// <summary>Exercise 8.7 — transposed convolution: every input pixel stamps a weighted copy of the kernel onto the output (lesson §8.7).</summary>
/// <remarks>
/// x (N, Cin, H, W) → y (N, Cout, OH, OW) with OH = (H − 1)·stride − 2·pad + K (and OW likewise). W: (Cin, Cout, K, K),
/// b: (Cout) or none; parameters "W" and "b". Input pixel (i, j) adds x[n, ci, i, j]·W[ci, co, ki, kj] to output
/// (i·stride − pad + ki, j·stride − pad + kj) when that lies inside the output. This is the adjoint of Conv2d with the
/// same weights read as (FN = Cin, C = Cout, K, K): ⟨Conv(u), x⟩ = ⟨u, TConv(x)⟩ without bias. Forward caches x.
/// Backward: dx gathers dY through the same index map (a plain convolution of dY), dW pairs x with dY, db = Σ dY.
/// </remarks>
public sealed class TransposedConv2d : ILayer
{
    private readonly Parameter[] _parameters;
    private Tensor? _x;

    /// <summary>A layer on the given weights (Cin, Cout, K, K) and bias (Cout) or null — the tensors are used, not copied.</summary>
    public TransposedConv2d(Tensor w, Tensor? b, int stride, int pad)
    {
        if (w.Rank != 4 || w.Dim(2) != w.Dim(3) || (b is not null && (b.Rank != 1 || b.Dim(0) != w.Dim(1))))
            throw new ArgumentException($"TransposedConv2d: expected W (Cin, Cout, K, K) and b (Cout), got {w.ShapeString} and {b?.ShapeString ?? "no bias"}.");
        if (stride < 1 || pad < 0)
            throw new ArgumentOutOfRangeException(nameof(stride), $"TransposedConv2d: need stride ≥ 1 and pad ≥ 0, got {stride} and {pad}.");
        W = new Parameter("W", w);
        B = b is null ? null : new Parameter("b", b);
        (Stride, Pad) = (stride, pad);
        _parameters = B is null ? [W] : [W, B];
    }

    public Parameter W { get; }

    /// <summary>Bias (Cout), or null for a layer without bias (before BatchNorm).</summary>
    public Parameter? B { get; }
    public int Stride { get; }
    public int Pad { get; }
    public int InChannels => W.Value.Dim(0);
    public int OutChannels => W.Value.Dim(1);
    public int Kernel => W.Value.Dim(2);
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>(input − 1)·stride − 2·pad + K.</summary>
    public int OutputSize(int input) => (input - 1) * Stride - 2 * Pad + Kernel;

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4 || x.Dim(1) != InChannels)
            throw new ArgumentException($"TransposedConv2d: expected input of shape (N, {InChannels}, H, W), got {x.ShapeString}.");
        int n = x.Dim(0), h = x.Dim(2), w = x.Dim(3), oh = OutputSize(h), ow = OutputSize(w);
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"TransposedConv2d: input {x.ShapeString} gives an empty {oh}×{ow} output.");
        int cin = InChannels, cout = OutChannels, k = Kernel;
        var y = Tensor.Zeros(n, cout, oh, ow);
        var xs = x.Span;
        var ws = W.Value.Span;
        var ys = y.Span;
        for (int b = 0; b < n; b++)
        for (int ci = 0; ci < cin; ci++)
        for (int i = 0; i < h; i++)
        for (int j = 0; j < w; j++)
        {
            double v = xs[((b * cin + ci) * h + i) * w + j];
            for (int co = 0; co < cout; co++)
            for (int ki = 0; ki < k; ki++)
            {
                int oi = i * Stride - Pad + ki;
                if (oi < 0 || oi >= oh) continue;
                for (int kj = 0; kj < k; kj++)
                {
                    int oj = j * Stride - Pad + kj;
                    if (oj < 0 || oj >= ow) continue;
                    ys[((b * cout + co) * oh + oi) * ow + oj] += v * ws[((ci * cout + co) * k + ki) * k + kj];
                }
            }
        }
        if (B is not null)
        {
            var bs = B.Value.Span;
            for (int b = 0; b < n; b++)
            for (int co = 0; co < cout; co++)
            {
                var plane = ys.Slice((b * cout + co) * oh * ow, oh * ow);
                for (int p = 0; p < plane.Length; p++) plane[p] += bs[co];
            }
        }
        _x = x.Clone();
        return y;
    }

    /// <summary>dY (N, Cout, OH, OW) → dx (N, Cin, H, W); overwrites W.Grad and b.Grad.</summary>
    public Tensor Backward(Tensor dOut)
    {
        var x = _x ?? throw new InvalidOperationException("TransposedConv2d.Backward called before Forward.");
        int n = x.Dim(0), cin = InChannels, h = x.Dim(2), w = x.Dim(3), cout = OutChannels, k = Kernel;
        int oh = OutputSize(h), ow = OutputSize(w);
        if (dOut.Rank != 4 || dOut.Dim(0) != n || dOut.Dim(1) != cout || dOut.Dim(2) != oh || dOut.Dim(3) != ow)
            throw new ArgumentException($"TransposedConv2d.Backward: expected dOut of shape ({n}, {cout}, {oh}, {ow}), got {dOut.ShapeString}.");
        var dx = Tensor.Zeros(x.ShapeArray);
        var dw = Tensor.Zeros(W.Value.ShapeArray);
        var xs = x.Span;
        var ws = W.Value.Span;
        var gs = dOut.Span;
        var dxs = dx.Span;
        var dws = dw.Span;
        for (int b = 0; b < n; b++)
        for (int ci = 0; ci < cin; ci++)
        for (int i = 0; i < h; i++)
        for (int j = 0; j < w; j++)
        {
            int xi = ((b * cin + ci) * h + i) * w + j;
            double v = xs[xi], acc = 0;
            for (int co = 0; co < cout; co++)
            for (int ki = 0; ki < k; ki++)
            {
                int oi = i * Stride - Pad + ki;
                if (oi < 0 || oi >= oh) continue;
                for (int kj = 0; kj < k; kj++)
                {
                    int oj = j * Stride - Pad + kj;
                    if (oj < 0 || oj >= ow) continue;
                    double g = gs[((b * cout + co) * oh + oi) * ow + oj];
                    int wi = ((ci * cout + co) * k + ki) * k + kj;
                    acc += g * ws[wi];
                    dws[wi] += g * v;
                }
            }
            dxs[xi] = acc;
        }
        W.Grad = dw;
        if (B is not null) B.Grad = dOut.Sum(0).Sum(1).Sum(1);
        return dx;
    }
}
