namespace Cert.Technical;

/// <summary>T3 variant conv1d: a 1-D convolution over (N, C, L) with W (F, C, K), b (F); OL = (L + 2·pad − K)/stride + 1.</summary>
/// <remarks>Padding is zeros; a window that would run past the padded end is not taken (floor division). Backward
/// overwrites the parameter gradients.</remarks>
public sealed class Conv1d : ILayer
{
    private Tensor? _x;

    public Conv1d(Tensor w, Tensor b, int stride, int pad)
    {
        if (w.Rank != 3 || b.Rank != 1 || b.Dim(0) != w.Dim(0))
            throw new ArgumentException($"Conv1d: expected W (F, C, K) and b (F), got {w.ShapeString}, {b.ShapeString}.");
        if (stride < 1 || pad < 0) throw new ArgumentException($"Conv1d: need stride ≥ 1 and pad ≥ 0, got {stride}, {pad}.");
        (W, B, Stride, Pad) = (new Parameter("W", w), new Parameter("b", b), stride, pad);
    }

    public Parameter W { get; }
    public Parameter B { get; }
    public int Stride { get; }
    public int Pad { get; }
    public IReadOnlyList<Parameter> Parameters => [W, B];

    public int OutputLength(int length) => (length + 2 * Pad - W.Value.Dim(2)) / Stride + 1;

    public Tensor Forward(Tensor x, bool training = true)
    {
        int f = W.Value.Dim(0), c = W.Value.Dim(1), k = W.Value.Dim(2);
        if (x.Rank != 3 || x.Dim(1) != c)
            throw new ArgumentException($"Conv1d: expected input of shape (N, {c}, L), got {x.ShapeString}.");
        int n = x.Dim(0), l = x.Dim(2), ol = OutputLength(l);
        if (ol < 1) throw new ArgumentException($"Conv1d: input {x.ShapeString} is shorter than the kernel.");
        _x = x.Clone();
        var y = Tensor.Zeros(n, f, ol);
        for (int i = 0; i < n; i++)
            for (int o = 0; o < f; o++)
                for (int t = 0; t < ol; t++)
                {
                    double s = B.Value[o];
                    for (int ch = 0; ch < c; ch++)
                        for (int j = 0; j < k; j++)
                        {
                            int p = t * Stride - Pad + j;
                            if (p >= 0 && p < l) s += W.Value[o, ch, j] * x[i, ch, p];
                        }
                    y[i, o, t] = s;
                }
        return y;
    }

    public Tensor Backward(Tensor dOut)
    {
        var x = _x ?? throw new InvalidOperationException("Conv1d.Backward called before Forward.");
        int f = W.Value.Dim(0), c = W.Value.Dim(1), k = W.Value.Dim(2);
        int n = x.Dim(0), l = x.Dim(2), ol = OutputLength(l);
        if (dOut.Rank != 3 || dOut.Dim(0) != n || dOut.Dim(1) != f || dOut.Dim(2) != ol)
            throw new ArgumentException($"Conv1d.Backward: expected dOut of shape ({n}, {f}, {ol}), got {dOut.ShapeString}.");
        var dx = Tensor.ZerosLike(x);
        var dw = Tensor.ZerosLike(W.Value);
        var db = Tensor.ZerosLike(B.Value);
        for (int i = 0; i < n; i++)
            for (int o = 0; o < f; o++)
                for (int t = 0; t < ol; t++)
                {
                    double g = dOut[i, o, t];
                    db[o] += g;
                    for (int ch = 0; ch < c; ch++)
                        for (int j = 0; j < k; j++)
                        {
                            int p = t * Stride - Pad + j;
                            if (p < 0 || p >= l) continue;
                            dw[o, ch, j] += g * x[i, ch, p];
                            dx[i, ch, p] += g * W.Value[o, ch, j];
                        }
                }
        W.Grad = dw;
        B.Grad = db;
        return dx;
    }
}
