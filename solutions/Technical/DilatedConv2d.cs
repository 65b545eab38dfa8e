namespace Cert.Technical;

/// <summary>
/// T3 variant dilated-conv: a stride-1 convolution whose kernel taps are <c>dilation</c> pixels apart, so a K×K kernel
/// covers (K − 1)·d + 1 pixels per axis and OH = H + 2·pad − ((KH − 1)·d + 1) + 1.
/// </summary>
/// <remarks>x (N, C, H, W), W (FN, C, KH, KW), b (FN) → (N, FN, OH, OW). Padding is zeros. Backward overwrites the
/// parameter gradients. Written as plain loops: the sizes of the task are small.</remarks>
public sealed class DilatedConv2d : ILayer
{
    private Tensor? _x;

    public DilatedConv2d(Tensor w, Tensor b, int dilation, int pad)
    {
        if (w.Rank != 4 || b.Rank != 1 || b.Dim(0) != w.Dim(0))
            throw new ArgumentException($"DilatedConv2d: expected W (FN, C, KH, KW) and b (FN), got {w.ShapeString}, {b.ShapeString}.");
        if (dilation < 1 || pad < 0) throw new ArgumentException($"DilatedConv2d: need dilation ≥ 1 and pad ≥ 0, got {dilation}, {pad}.");
        (W, B, Dilation, Pad) = (new Parameter("W", w), new Parameter("b", b), dilation, pad);
    }

    public Parameter W { get; }
    public Parameter B { get; }
    public int Dilation { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters => [W, B];

    /// <summary>Output size along one axis for an input of <paramref name="size"/> and a kernel of <paramref name="k"/> taps.</summary>
    public int OutputSize(int size, int k) => size + 2 * Pad - ((k - 1) * Dilation + 1) + 1;

    public Tensor Forward(Tensor x, bool training = true)
    {
        int fn = W.Value.Dim(0), c = W.Value.Dim(1), kh = W.Value.Dim(2), kw = W.Value.Dim(3);
        if (x.Rank != 4 || x.Dim(1) != c)
            throw new ArgumentException($"DilatedConv2d: expected input of shape (N, {c}, H, W), got {x.ShapeString}.");
        int n = x.Dim(0), h = x.Dim(2), wd = x.Dim(3), oh = OutputSize(h, kh), ow = OutputSize(wd, kw);
        if (oh < 1 || ow < 1) throw new ArgumentException($"DilatedConv2d: input {x.ShapeString} is smaller than the dilated kernel.");
        _x = x.Clone();
        var y = Tensor.Zeros(n, fn, oh, ow);
        for (int i = 0; i < n; i++)
            for (int f = 0; f < fn; f++)
                for (int r = 0; r < oh; r++)
                    for (int q = 0; q < ow; q++)
                    {
                        double s = B.Value[f];
                        for (int ch = 0; ch < c; ch++)
                            for (int u = 0; u < kh; u++)
                                for (int v = 0; v < kw; v++)
                                {
                                    int yy = r - Pad + u * Dilation, xx = q - Pad + v * Dilation;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < wd) s += W.Value[f, ch, u, v] * x[i, ch, yy, xx];
                                }
                        y[i, f, r, q] = s;
                    }
        return y;
    }

    public Tensor Backward(Tensor dOut)
    {
        var x = _x ?? throw new InvalidOperationException("DilatedConv2d.Backward called before Forward.");
        int fn = W.Value.Dim(0), c = W.Value.Dim(1), kh = W.Value.Dim(2), kw = W.Value.Dim(3);
        int n = x.Dim(0), h = x.Dim(2), wd = x.Dim(3), oh = OutputSize(h, kh), ow = OutputSize(wd, kw);
        if (dOut.Rank != 4 || dOut.Dim(0) != n || dOut.Dim(1) != fn || dOut.Dim(2) != oh || dOut.Dim(3) != ow)
            throw new ArgumentException($"DilatedConv2d.Backward: expected dOut of shape ({n}, {fn}, {oh}, {ow}), got {dOut.ShapeString}.");
        var dx = Tensor.ZerosLike(x);
        var dw = Tensor.ZerosLike(W.Value);
        var db = Tensor.ZerosLike(B.Value);
        for (int i = 0; i < n; i++)
            for (int f = 0; f < fn; f++)
                for (int r = 0; r < oh; r++)
                    for (int q = 0; q < ow; q++)
                    {
                        double g = dOut[i, f, r, q];
                        db[f] += g;
                        for (int ch = 0; ch < c; ch++)
                            for (int u = 0; u < kh; u++)
                                for (int v = 0; v < kw; v++)
                                {
                                    int yy = r - Pad + u * Dilation, xx = q - Pad + v * Dilation;
                                    if (yy < 0 || yy >= h || xx < 0 || xx >= wd) continue;
                                    dw[f, ch, u, v] += g * x[i, ch, yy, xx];
                                    dx[i, ch, yy, xx] += g * W.Value[f, ch, u, v];
                                }
                    }
        W.Grad = dw;
        B.Grad = db;
        return dx;
    }
}
